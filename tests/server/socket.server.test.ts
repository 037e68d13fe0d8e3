/**
 * The pages' socket (socket.io-client, opened by src/lib/client/room-socket.ts as every page opens
 * it) against a real Socket.IO server set up as Roomcast's is (WebSocket only): the handshake with
 * `auth`, events, acknowledgements and their timeout, an emit before the handshake, the heartbeat,
 * each kind of close, and what the pages add on top of the library: trying again after a refusal
 * for now, with a backoff whose jitter survives its cap, and at once when the browser says the
 * network is back.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRoomSocket, refusalDelayMs, refusalOf, REFUSAL_BACKOFF, type RoomSocketOptions } from '../../src/lib/client/room-socket.ts';
import type { RoomState } from '../../src/lib/protocol/protocol.ts';

const FAST = {
	backoff: { reconnectionDelay: 20, reconnectionDelayMax: 100, randomizationFactor: 0.5 },
	refusalBackoff: { firstMs: 20, maxMs: 100 },
	network: null
};
const AUTH = { groupId: 'g1', key: 'k1' };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	vi.useRealTimers();
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, what: string, ms = 5000) {
	const end = Date.now() + ms;
	while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
	expect(check(), what).toBe(true);
}

async function listen(http: HttpServer, port = 0): Promise<number> {
	await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
	return (http.address() as AddressInfo).port;
}

/** A Socket.IO server configured as server/socket-server.ts configures it. */
async function ioServer(setup: (io: Server) => void, serverOptions: Record<string, unknown> = {}, port = 0) {
	const http = createServer();
	const io = new Server(http, { serveClient: false, transports: ['websocket'], ...serverOptions });
	setup(io);
	const bound = await listen(http, port);
	const close = () => new Promise<void>((resolve) => void io.close(() => resolve()));
	cleanups.push(close);
	return { io, port: bound, origin: `http://127.0.0.1:${bound}`, close };
}

function client(url: string, options: Partial<RoomSocketOptions> = {}) {
	let attempts = 0;
	const link = openRoomSocket({ url, auth: AUTH, ...FAST, ...options, onAttempt: () => void (attempts += 1) });
	cleanups.push(() => link.close());
	const seen: string[] = [];
	const { socket } = link;
	socket.on('connect', () => seen.push('connect'));
	socket.on('disconnect', (reason) => seen.push(`disconnect:${reason}`));
	socket.on('connect_error', (error) => seen.push(`connect_error:${error.message}`));
	return { link, socket, seen, attempts: () => attempts };
}

/** Whether a new connection attempt starts within a minute of (fake) time from now. */
function triesAgainWithinAMinute(attempts: () => number): boolean {
	const before = attempts();
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	try {
		vi.advanceTimersByTime(60_000);
		return attempts() > before;
	} finally {
		vi.useRealTimers();
	}
}

const refuseWith = (code: string) => (io: Server) =>
	io.use((_socket, next) => next(Object.assign(new Error('No.'), { data: { code, message: 'No.' } })));

describe('the pages’ socket: socket.io-client as the pages open it', () => {
	it('connects over WebSocket only with auth, receives events, and gets the answer to a command', async () => {
		const auths: unknown[] = [];
		const { origin } = await ioServer((io) =>
			io.on('connection', (s: ServerSocket) => {
				auths.push(s.handshake.auth);
				s.emit('state', { version: 3 } as RoomState);
				s.on('command', (payload: { id: string }, ack: (a: unknown) => void) => ack({ ok: true, version: Number(payload.id) }));
			})
		);
		const { socket, seen } = client(origin);
		const states: unknown[] = [];
		socket.on('state', (snapshot) => states.push(snapshot));
		await until(() => socket.connected && states.length === 1, 'connected, with a snapshot');
		expect(socket.io.engine.transport.name).toBe('websocket');
		expect(auths).toEqual([AUTH]);
		expect(states).toEqual([{ version: 3 }]);
		const answers = await Promise.all(
			['1', '2'].map((id) => socket.timeout(1000).emitWithAck('command', { id, type: 'queue.next' }))
		);
		expect(answers).toEqual([
			{ ok: true, version: 1 },
			{ ok: true, version: 2 }
		]);
		expect(seen).toEqual(['connect']);
	});

	it('an event emitted before the handshake completes waits for it, and closes nothing', async () => {
		const received: unknown[] = [];
		const { origin } = await ioServer((io) =>
			io.on('connection', (s: ServerSocket) => s.on('command', (payload: unknown, ack: (a: unknown) => void) => (received.push(payload), ack({ ok: true, version: 1 }))))
		);
		const { socket, seen } = client(origin);
		expect(socket.connected).toBe(false);
		const answer = socket.timeout(3000).emitWithAck('command', { id: 'c1', type: 'queue.next' });
		expect(await answer).toEqual({ ok: true, version: 1 });
		expect(received).toEqual([{ id: 'c1', type: 'queue.next' }]);
		expect(seen).toEqual(['connect']);
	});

	for (const code of ['forbidden', 'outdated']) {
		it(`refused for good (${code}): connect_error with the data, and no retry`, async () => {
			const { origin } = await ioServer(refuseWith(code));
			const { socket, seen, attempts } = client(origin);
			const errors: Error[] = [];
			socket.on('connect_error', (error) => errors.push(error));
			await until(() => errors.length === 1, 'refused');
			expect(errors[0].message).toBe('No.');
			expect(refusalOf(errors[0])).toEqual({ code, message: 'No.' });
			expect(socket.active).toBe(false);
			expect(triesAgainWithinAMinute(attempts), 'it does not try again by itself').toBe(false);
			expect(seen).toEqual(['connect_error:No.']);
		});
	}

	it('refused for now (store away): tries again after a backoff, and connects once the server lets it', async () => {
		let refusals = 3;
		const { origin } = await ioServer((io) =>
			io.use((_socket, next) =>
				refusals-- > 0 ? next(Object.assign(new Error('Not now.'), { data: { code: 'unavailable', message: 'Not now.' } })) : next()
			)
		);
		const { socket, seen, attempts } = client(origin);
		await until(() => socket.connected, 'connected after three refusals');
		expect(attempts()).toBe(4);
		expect(seen).toEqual(['connect_error:Not now.', 'connect_error:Not now.', 'connect_error:Not now.', 'connect']);
	});

	it('a refusal’s backoff doubles to its cap, and its jitter survives the cap', () => {
		const { firstMs, maxMs } = REFUSAL_BACKOFF;
		expect(refusalDelayMs(0, () => 0)).toBe(firstMs / 2);
		expect(refusalDelayMs(0, () => 0.999_999)).toBeCloseTo(firstMs, 0);
		expect(refusalDelayMs(1, () => 0)).toBe(firstMs);
		for (const attempt of [10, 50, 10_000]) {
			expect(refusalDelayMs(attempt, () => 0)).toBe(maxMs / 2);
			expect(refusalDelayMs(attempt, () => 0.999_999)).toBeCloseTo(maxMs, 0);
		}
		// devices refused together come back spread over the whole upper half of the cap, not all at it
		const atCap = Array.from({ length: 1000 }, () => refusalDelayMs(40));
		expect(Math.max(...atCap)).toBeLessThanOrEqual(maxMs);
		expect(Math.min(...atCap)).toBeGreaterThanOrEqual(maxMs / 2);
		expect(new Set(atCap.map((ms) => Math.floor(ms / 1000))).size, 'spread over every second from 7.5 s to 15 s').toBeGreaterThanOrEqual(8);
	});

	it('disconnected by the server: says so, answers pending acks with an error, and tries again later', async () => {
		let serverSide: ServerSocket | undefined;
		let received = 0;
		let connections = 0;
		const { origin } = await ioServer((io) =>
			io.on('connection', (s: ServerSocket) => {
				connections += 1;
				serverSide = s;
				s.on('command', () => void (received += 1)); // never answered
			})
		);
		const { socket, seen } = client(origin);
		await until(() => socket.connected, 'connected');
		const answer = socket.timeout(5000).emitWithAck('command', { id: 'c1', type: 'queue.next' }).catch((error: Error) => error);
		await until(() => received === 1, 'the command reached the server, unanswered');
		serverSide!.disconnect(true);
		expect(await answer).toEqual(new Error('socket has been disconnected'));
		await until(() => connections === 2 && socket.connected, 'connected again after a backoff');
		expect(seen).toEqual(['connect', 'disconnect:io server disconnect', 'connect']);
	});

	it('the server goes away and comes back: disconnect, connect_error while it is down, then connected again', async () => {
		const onConnection = (io: Server) => io.on('connection', (s: ServerSocket) => s.emit('state', { version: 1 } as RoomState));
		const first = await ioServer(onConnection);
		const { socket, seen } = client(first.origin);
		await until(() => socket.connected, 'connected');
		await first.close();
		await until(() => seen.some((e) => e.startsWith('connect_error')), 'it keeps trying while the server is down');
		expect(seen[1]).toBe('disconnect:transport close');
		expect(socket.active).toBe(true);
		const states: unknown[] = [];
		socket.on('state', (s) => states.push(s));
		await ioServer(onConnection, {}, first.port);
		await until(() => socket.connected && states.length === 1, 'connected again, with a fresh snapshot');
	});

	it('the browser says the network is back: it tries at once instead of waiting out its backoff', async () => {
		const onConnection = (io: Server) => io.on('connection', () => {});
		const first = await ioServer(onConnection);
		const network = new EventTarget();
		// a backoff of a minute: only the `online` event can bring it back within the test
		const slow = { reconnectionDelay: 60_000, reconnectionDelayMax: 60_000, randomizationFactor: 0 };
		const { socket, seen, attempts } = client(first.origin, { network, backoff: slow });
		await until(() => socket.connected, 'connected');
		await first.close();
		await until(() => seen.includes('disconnect:transport close'), 'the link lost');
		await ioServer(onConnection, {}, first.port);
		const before = attempts();
		network.dispatchEvent(new Event('online'));
		expect(attempts()).toBe(before + 1);
		await until(() => socket.connected, 'connected at once');
	});

	it('an unanswered command times out', async () => {
		const { origin } = await ioServer((io) => io.on('connection', (s: ServerSocket) => s.on('command', () => {})));
		const { socket } = client(origin);
		await until(() => socket.connected, 'connected');
		const started = Date.now();
		const error = await socket.timeout(100).emitWithAck('command', { id: 'c1', type: 'queue.next' }).catch((e: Error) => e);
		expect(error).toEqual(new Error('operation has timed out'));
		expect(Date.now() - started).toBeGreaterThanOrEqual(95);
	});

	it('answers the heartbeat, so the server keeps the connection', async () => {
		let disconnects = 0;
		let pongs = 0;
		// pings every 30 ms; a pong that does not come within 5 s (a very busy machine) ends the link
		const { origin } = await ioServer(
			(io) =>
				io.on('connection', (s: ServerSocket) => {
					s.conn.on('heartbeat', () => void (pongs += 1));
					s.on('disconnect', () => void (disconnects += 1));
				}),
			{ pingInterval: 30, pingTimeout: 5000 }
		);
		const { socket, seen } = client(origin);
		await until(() => socket.connected, 'connected');
		await until(() => pongs >= 5, 'five pings answered');
		expect(disconnects).toBe(0);
		expect(seen).toEqual(['connect']);
	});

	it('a connection attempt that is never answered is given up and tried again', async () => {
		let attempts = 0;
		const silent = createNetServer((tcp) => {
			attempts += 1;
			cleanups.push(() => tcp.destroy());
		});
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		cleanups.push(() => new Promise((resolve) => silent.close(resolve)));
		const port = (silent.address() as AddressInfo).port;
		const { socket, seen } = client(`http://127.0.0.1:${port}`, { connectTimeoutMs: 100 });
		await until(() => attempts >= 2 && seen.includes('connect_error:timeout'), 'timed out, and tried again');
		expect(socket.active).toBe(true);
	});

	it('a link that goes silent (no ping) counts as dead: it reconnects, and sends the frames of the protocol', async () => {
		// a server that accepts and then says nothing more: no pings
		const http = createServer();
		const wss = new WebSocketServer({ server: http });
		const frames: string[] = [];
		let connections = 0;
		wss.on('connection', (ws) => {
			connections += 1;
			ws.send(`0${JSON.stringify({ sid: `s${connections}`, upgrades: [], pingInterval: 40, pingTimeout: 30, maxPayload: 8192 })}`);
			ws.on('message', (data) => {
				frames.push(String(data));
				if (String(data).startsWith('40')) ws.send('40{"sid":"n"}');
			});
		});
		const port = await listen(http);
		cleanups.push(() => new Promise((resolve) => (wss.close(), http.close(resolve))));
		const { socket, seen } = client(`http://127.0.0.1:${port}`);
		await until(() => seen.includes('disconnect:ping timeout'), 'the silent link is dropped');
		await until(() => connections >= 2 && socket.connected, 'and a new one made');
		socket.emit('command', { type: 'speaker.clear', id: 'c1' }, () => {});
		await until(() => frames.some((f) => f.startsWith('42')), 'the command sent');
		expect(frames[0]).toBe('40{"groupId":"g1","key":"k1"}');
		expect(frames.find((f) => f.startsWith('42'))).toBe('420["command",{"type":"speaker.clear","id":"c1"}]');
	});

	it('closed: no reconnect, no retry, and the network coming back changes nothing', async () => {
		const { origin, close } = await ioServer((io) => io.on('connection', () => {}));
		const network = new EventTarget();
		const { link, socket, attempts } = client(origin, { network });
		await until(() => socket.connected, 'connected');
		link.close();
		await close();
		network.dispatchEvent(new Event('online'));
		expect(socket.active).toBe(false);
		expect(triesAgainWithinAMinute(attempts)).toBe(false);
	});
});
