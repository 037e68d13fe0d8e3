/**
 * The pages' own Socket.IO client (src/lib/client/socket.ts) against a real Socket.IO server set up
 * as Roomcast's is (WebSocket only): the handshake with `auth`, events, acknowledgements and their
 * timeout, the heartbeat, and each kind of close, as socket.io-client behaves. Its frames are the
 * same as socket.io-client's (tests/e2e/socket-relay.ts reads them).
 */
import '../helpers/websocket-global.ts';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Socket, socketUrl, type ConnectError } from '../../src/lib/client/socket.ts';

type Events = { state: (snapshot: { version: number }) => void; revoked: () => void };

/** The real WebSocket, counting connection attempts. */
let attemptsMade = 0;
class CountingWebSocket extends globalThis.WebSocket {
	constructor(url: string | URL) {
		super(url);
		attemptsMade += 1;
	}
}
const OPTIONS = { reconnectionDelay: 20, reconnectionDelayMax: 100, randomizationFactor: 0.5, WebSocket: CountingWebSocket };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	vi.useRealTimers();
	attemptsMade = 0;
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Whether the client makes a new connection attempt within a minute of (fake) time from now. */
function triesAgainWithinAMinute(): boolean {
	const before = attemptsMade;
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	try {
		vi.advanceTimersByTime(60_000);
		return attemptsMade > before;
	} finally {
		vi.useRealTimers();
	}
}

async function until(check: () => boolean, what: string, ms = 3000) {
	const end = Date.now() + ms;
	while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
	expect(check(), what).toBe(true);
}

async function listen(http: HttpServer, port = 0): Promise<number> {
	await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
	return (http.address() as AddressInfo).port;
}

/** A Socket.IO server configured as server/realtime.ts configures it. */
async function ioServer(setup: (io: Server) => void, serverOptions: Record<string, unknown> = {}, port = 0) {
	const http = createServer();
	const io = new Server(http, { serveClient: false, transports: ['websocket'], ...serverOptions });
	setup(io);
	const bound = await listen(http, port);
	const close = () => new Promise<void>((resolve) => void io.close(() => resolve()));
	cleanups.push(close);
	return { io, port: bound, origin: `http://127.0.0.1:${bound}`, close };
}

function client(origin: string, auth: Record<string, unknown> = { groupId: 'g1', key: 'k1' }) {
	const socket = new Socket<Events>(socketUrl(origin), { auth, ...OPTIONS });
	cleanups.push(() => socket.close());
	const seen: string[] = [];
	socket.on('connect', () => seen.push('connect'));
	socket.on('disconnect', (reason) => seen.push(`disconnect:${reason}`));
	socket.on('connect_error', (error) => seen.push(`connect_error:${error.message}`));
	return { socket, seen };
}

describe('the pages’ Socket.IO client', () => {
	it('connects with auth, receives events, and gets the answer to a command', async () => {
		const auths: unknown[] = [];
		const { origin } = await ioServer((io) =>
			io.on('connection', (s: ServerSocket) => {
				auths.push(s.handshake.auth);
				s.emit('state', { version: 3 });
				s.on('command', (payload: { n: number }, ack: (a: unknown) => void) => ack({ ok: true, echoed: payload.n }));
			})
		);
		const { socket, seen } = client(origin);
		const states: unknown[] = [];
		socket.on('state', (snapshot) => states.push(snapshot));
		await until(() => socket.connected && states.length === 1, 'connected, with a snapshot');
		expect(auths).toEqual([{ groupId: 'g1', key: 'k1' }]);
		expect(states).toEqual([{ version: 3 }]);
		const answers = await Promise.all(
			[1, 2].map((n) => new Promise((resolve) => socket.emitWithAck(1000, 'command', { n }, (error, answer) => resolve(error ?? answer))))
		);
		expect(answers).toEqual([
			{ ok: true, echoed: 1 },
			{ ok: true, echoed: 2 }
		]);
		expect(seen).toEqual(['connect']);
	});

	it('a refused handshake: connect_error with the data, no retry until connect() is called', async () => {
		let refuse = true;
		const { origin } = await ioServer((io) =>
			io.use((_socket, next) => (refuse ? next(Object.assign(new Error('No.'), { data: { code: 'forbidden', message: 'No.' } })) : next()))
		);
		const { socket, seen } = client(origin);
		const errors: ConnectError[] = [];
		socket.on('connect_error', (error) => errors.push(error));
		await until(() => errors.length === 1, 'refused');
		expect(errors[0].message).toBe('No.');
		expect(errors[0].data).toEqual({ code: 'forbidden', message: 'No.' });
		expect(socket.active).toBe(false);
		expect(triesAgainWithinAMinute(), 'it does not try again by itself').toBe(false);
		expect(errors).toHaveLength(1);
		refuse = false;
		socket.connect();
		await until(() => socket.connected, 'connected when asked to try again');
		expect(seen).toEqual(['connect_error:No.', 'connect']);
	});

	it('disconnected by the server: says so, answers pending acks with an error, and stays disconnected', async () => {
		let serverSide: ServerSocket | undefined;
		let received = 0;
		const { origin } = await ioServer((io) =>
			io.on('connection', (s: ServerSocket) => {
				serverSide = s;
				s.on('command', () => void (received += 1)); // never answered
			})
		);
		const { socket, seen } = client(origin);
		await until(() => socket.connected, 'connected');
		let ackError: Error | null = null;
		socket.emitWithAck(5000, 'command', {}, (error) => (ackError = error));
		await until(() => received === 1, 'the command reached the server, unanswered');
		serverSide!.emit('revoked');
		serverSide!.disconnect(true);
		await until(() => seen.includes('disconnect:io server disconnect'), 'disconnected');
		expect(ackError).toEqual(new Error('socket has been disconnected'));
		expect(socket.active).toBe(false);
		expect(triesAgainWithinAMinute(), 'it stays disconnected').toBe(false);
		expect(seen).toEqual(['connect', 'disconnect:io server disconnect']);
	});

	it('the server goes away and comes back: disconnect, connect_error while it is down, then connected again', async () => {
		const onConnection = (io: Server) => io.on('connection', (s: ServerSocket) => s.emit('state', { version: 1 }));
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
		await until(() => socket.connected && states.length === 1, 'connected again, with a fresh snapshot', 5000);
	});

	it('an unanswered command times out', async () => {
		const { origin } = await ioServer((io) => io.on('connection', (s: ServerSocket) => s.on('command', () => {})));
		const { socket } = client(origin);
		await until(() => socket.connected, 'connected');
		const started = Date.now();
		const error = await new Promise((resolve) => socket.emitWithAck(100, 'command', {}, resolve));
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
		const socket = new Socket<Events>(socketUrl(`http://127.0.0.1:${port}`), { auth: {}, ...OPTIONS, connectTimeoutMs: 100 });
		cleanups.push(() => socket.close());
		const errors: string[] = [];
		socket.on('connect_error', (error) => errors.push(error.message));
		await until(() => attempts >= 2 && errors.includes('timeout'), 'timed out, and tried again');
		expect(socket.active).toBe(true);
	});

	it('a link that goes silent (no ping) counts as dead: it reconnects', async () => {
		// a server that accepts and then says nothing more: no pings
		const http = createServer();
		const wss = new WebSocketServer({ server: http });
		const frames: string[] = [];
		let connections = 0;
		wss.on('connection', (ws) => {
			connections += 1;
			ws.send(`0${JSON.stringify({ sid: 's', upgrades: [], pingInterval: 40, pingTimeout: 30, maxPayload: 8192 })}`);
			ws.on('message', (data) => {
				frames.push(String(data));
				if (String(data).startsWith('40')) ws.send('40{"sid":"n"}');
			});
		});
		const port = await listen(http);
		cleanups.push(() => new Promise((resolve) => (wss.close(), http.close(resolve))));
		const { socket, seen } = client(`http://127.0.0.1:${port}`, { groupId: 'g', key: 'k' });
		await until(() => seen.includes('disconnect:ping timeout'), 'the silent link is dropped');
		await until(() => connections >= 2 && socket.connected, 'and a new one made');
		// the same frames socket.io-client sends
		socket.emitWithAck(1000, 'command', { type: 'speaker.clear', id: 'c1' }, () => {});
		await until(() => frames.some((f) => f.startsWith('42')), 'the command sent');
		expect(frames[0]).toBe('40{"groupId":"g","key":"k"}');
		expect(frames.find((f) => f.startsWith('42'))).toBe('420["command",{"type":"speaker.clear","id":"c1"}]');
	});
});
