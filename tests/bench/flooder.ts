/**
 * The attacker of the flood step, in a process of its own so that its sending does not hold up the
 * load generator's clock: every `waveEveryMs` for `durationMs`, it connects as one facilitator device
 * and sends `perWave` commands pipelined in one go, then prints what became of them as JSON.
 *
 *   node --import tsx tests/bench/flooder.ts <url> <groupId> <key> <perWave> <waveEveryMs> <durationMs>
 */
import { randomBytes } from 'node:crypto';
import { wireSocket, type BenchSocket } from './bench-socket.ts';

const [url, groupId, key, perWaveArg, everyArg, durationArg] = process.argv.slice(2);
const [perWave, everyMs, durationMs] = [perWaveArg, everyArg, durationArg].map(Number);
const tally = { waves: 0, sent: 0, accepted: 0, refused: 0, cutOff: 0 };
const sockets: BenchSocket[] = [];

async function wave() {
	const socket = wireSocket({ url, auth: { groupId, key }, timeoutMs: 20_000 });
	sockets.push(socket);
	await socket.ready;
	tally.waves += 1;
	for (let i = 0; i < perWave; i++) {
		tally.sent += 1;
		socket.command({ id: randomBytes(8).toString('hex'), type: 'speaker.set', name: 'flood' }, (ok) => void (ok ? tally.accepted++ : tally.refused++));
	}
}

const waves: Promise<void>[] = [];
const until = performance.now() + durationMs;
const timer = setInterval(() => {
	if (performance.now() < until) waves.push(wave().catch(() => {}));
}, everyMs);
waves.push(wave().catch(() => {}));
await new Promise((resolve) => setTimeout(resolve, durationMs));
clearInterval(timer);
await Promise.all(waves);
// answers still on their way come within a moment; whatever has not come by then never will
await new Promise((resolve) => setTimeout(resolve, 500));
tally.cutOff = sockets.filter((s) => !s.connected).length;
for (const socket of sockets) socket.close();
process.stdout.write(JSON.stringify({ ...tally, unanswered: tally.sent - tally.accepted - tally.refused }) + '\n');
process.exit(0);
