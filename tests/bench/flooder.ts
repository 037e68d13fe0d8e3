/**
 * The attacker of the flood step, in a process of its own so that its sending does not hold up the
 * load generator's clock: every `waveEveryMs` for `durationMs`, it connects as one facilitator device
 * and writes `perWave` commands pipelined in one go (made before it starts, so that its own CPU,
 * which shares a core with Redis here, is spent on sending and not on building them), then prints
 * what became of them as JSON.
 *
 *   node --import tsx tests/bench/flooder.ts <url> <groupId> <key> <perWave> <waveEveryMs> <durationMs>
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const [url, groupId, key, perWaveArg, everyArg, durationArg] = process.argv.slice(2);
const [perWave, everyMs, durationMs] = [perWaveArg, everyArg, durationArg].map(Number);
const tally = { waves: 0, sent: 0, accepted: 0, refused: 0, cutOff: 0 };
const sockets: WebSocket[] = [];
// Socket.IO event frames with an ack id each: 42<ack>["command",{...}]
const frames = Array.from(
	{ length: perWave },
	(_, i) => `42${i}${JSON.stringify(['command', { id: randomBytes(8).toString('hex'), type: 'speaker.set', name: 'flood' }])}`
);

function wave(): Promise<void> {
	const ws = new WebSocket(new URL('/socket.io/?EIO=4&transport=websocket', url.replace(/^http/, 'ws')), { perMessageDeflate: false });
	sockets.push(ws);
	return new Promise((resolve) => {
		ws.on('error', () => resolve());
		ws.on('close', () => {
			tally.cutOff += 1;
			resolve();
		});
		ws.on('message', (data) => {
			const text = data.toString();
			if (text[0] === '0') return ws.send(`40${JSON.stringify({ groupId, key })}`);
			if (text[0] === '2') return ws.send('3');
			if (text.startsWith('40')) {
				tally.waves += 1;
				for (const frame of frames) ws.send(frame);
				tally.sent += frames.length;
			} else if (text.startsWith('43')) {
				if (text.includes('"ok":true')) tally.accepted += 1;
				else tally.refused += 1;
			}
		});
	});
}

const waves: Promise<void>[] = [wave()];
const until = performance.now() + durationMs;
const timer = setInterval(() => {
	if (performance.now() < until) waves.push(wave());
}, everyMs);
await new Promise((resolve) => setTimeout(resolve, durationMs));
clearInterval(timer);
// answers still on their way come within a moment; a socket not cut off by then is closed here
await new Promise((resolve) => setTimeout(resolve, 500));
const stillOpen = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
for (const ws of sockets) ws.terminate();
await Promise.all(waves);
tally.cutOff -= stillOpen;
process.stdout.write(JSON.stringify({ ...tally, unanswered: tally.sent - tally.accepted - tally.refused }) + '\n');
process.exit(0);
