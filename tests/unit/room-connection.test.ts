/**
 * RoomConnection against a real Socket.IO server (set up as Roomcast's: WebSocket only), through the
 * pages' own socket client: commands go in the order they were made, one at a time, even when a later
 * one is sealed first; a snapshot opened late never replaces a newer one; a removed device shows
 * nothing; the outbox in storage never holds a typed text in the clear; final refusals are shown once
 * and dropped while retryable ones are kept [R67]; a closed connection stays closed; an outdated page
 * is told to reload [R66]. Sealing is slowed where a test needs it by handing in a gated text engine;
 * the socket is the pages' own (room-socket.ts, socket.io-client), handed in watched: every attempt
 * to connect and every event it sends are recorded.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK, RoomConnection } from '../../src/lib/client/room-connection.svelte.ts';
import { openRoomSocket, type RoomSocketOptions } from '../../src/lib/client/room-socket.ts';
import { webCryptoEngine, type TextEngine } from '../../src/lib/crypto/text-engines.ts';
import { newGroupKey } from '../../src/lib/crypto/text-format.ts';
import { PROTOCOL_VERSION, type Command, type CommandAck, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { inSession } from '../helpers/room-fixtures.ts';

const GROUP = 'group-test';

/** The pages' own socket, counting the attempts to connect and the events sent. */
const wire = { attempts: 0, sent: [] as string[] };
function watchedSocket(options: RoomSocketOptions) {
	const link = openRoomSocket({ ...options, network: null, onAttempt: () => void (wire.attempts += 1) });
	link.socket.onAnyOutgoing((event) => wire.sent.push(String(event)));
	return link;
}
const commandsSent = () => wire.sent.filter((event) => event === 'command').length;

interface Received {
	command: Command;
	ack: (reply: CommandAck) => void;
}

/** A Socket.IO server whose commands wait for the test to answer them. */
async function roomServer(refuse: (auth: Record<string, unknown>) => { code: string; message: string } | null = () => null) {
	const http = createServer();
	const io = new Server(http, { serveClient: false, transports: ['websocket'] });
	const received: Received[] = [];
	const auths: Array<Record<string, unknown>> = [];
	const sockets: ServerSocket[] = [];
	io.use((socket, next) => {
		auths.push(socket.handshake.auth);
		const refusal = refuse(socket.handshake.auth);
		next(refusal ? Object.assign(new Error(refusal.message), { data: refusal }) : undefined);
	});
	io.on('connection', (socket) => {
		sockets.push(socket);
		socket.on('command', (command: Command, ack: Received['ack']) => received.push({ command, ack }));
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const close = () => new Promise<void>((resolve) => void io.close(() => resolve()));
	cleanups.push(close);
	return { io, url, received, auths, sockets, close };
}

/** A text engine whose calls wait until the test opens the gate for their text (or sealed value). */
function gatedEngine() {
	const real = webCryptoEngine(globalThis.crypto.subtle);
	const gates = new Map<string, () => void>();
	const closed = new Set<string>();
	const finished = new Set<string>();
	const wait = (input: string) => (closed.has(input) ? new Promise<void>((resolve) => gates.set(input, resolve)) : Promise.resolve());
	const engine: TextEngine = {
		name: real.name,
		seal: async (key, groupId, text, iv) => {
			await wait(text);
			const sealed = await real.seal(key, groupId, text, iv);
			finished.add(text);
			return sealed;
		},
		open: async (key, groupId, sealed) => {
			await wait(sealed);
			const text = await real.open(key, groupId, sealed);
			finished.add(sealed);
			return text;
		}
	};
	return {
		engine: Promise.resolve(engine),
		finished,
		hold: (input: string) => void closed.add(input),
		release: (input: string) => {
			closed.delete(input);
			gates.get(input)?.();
		}
	};
}

const cleanups: Array<() => unknown> = [];
beforeEach(() => {
	wire.attempts = 0;
	wire.sent.length = 0;
});
afterEach(async () => {
	vi.useRealTimers();
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, what: string, ms = 5000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
/** Lets every pending promise continuation run (what a just-sealed command would send is sent by then). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

function connection(url: string, options: ConstructorParameters<typeof RoomConnection>[2] = {}) {
	const conn = new RoomConnection(GROUP, 'credential', { url, storage: null, retryDelayMs: 20, openSocket: watchedSocket, ...options });
	cleanups.push(() => conn.close());
	return conn;
}

/** A snapshot as the server sends it: the speaker's name sealed with `key`. */
async function snapshot(key: Uint8Array, version: number, speaker: string): Promise<RoomState> {
	const room = inSession({ type: 'speaker.set', name: 'x' });
	const name = await webCryptoEngine(globalThis.crypto.subtle).seal(key, GROUP, speaker);
	return { ...room, groupId: GROUP, version, session: { ...room.session!, speaker: { ...room.session!.speaker!, name } } };
}
const shown = (conn: RoomConnection) => [conn.room?.version, conn.room?.session?.speaker?.name];

describe('RoomConnection: the outbox', () => {
	it('says which protocol version it speaks in its handshake [R66]', async () => {
		const server = await roomServer();
		const conn = connection(server.url);
		await until(() => conn.status === LINK.online, 'online');
		expect(server.auths).toEqual([{ groupId: GROUP, key: 'credential', protocol: PROTOCOL_VERSION }]);
	});

	it('[R50] sends commands in the order they were made, one at a time, even when a later one is sealed first', async () => {
		const server = await roomServer();
		const gated = gatedEngine();
		const conn = connection(server.url, { groupKey: newGroupKey(), engine: gated.engine });
		await until(() => conn.status === LINK.online, 'online');
		gated.hold('Casey');
		const answers = [conn.send({ type: 'speaker.set', name: 'Casey' }), conn.send({ type: 'queue.add', name: 'Kurt' }), conn.send({ type: 'speaker.clear' })];
		expect(conn.pending.map((p) => p.command.type)).toEqual(['speaker.set', 'queue.add', 'speaker.clear']);
		await until(() => gated.finished.has('Kurt'), 'Kurt sealed before Casey');
		await settled();
		expect(commandsSent(), 'nothing goes before the first command is sealed').toBe(0);
		gated.release('Casey');
		for (const [i, type] of ['speaker.set', 'queue.add', 'speaker.clear'].entries()) {
			await until(() => server.received.length === i + 1, `${type} received`);
			await settled();
			expect(commandsSent(), 'one at a time').toBe(i + 1);
			const { command, ack } = server.received[i];
			expect(command.type).toBe(type);
			expect(JSON.stringify(command)).not.toMatch(/Casey|Kurt/);
			ack({ ok: true, version: i + 2 });
		}
		expect(await Promise.all(answers)).toEqual([2, 3, 4].map((version) => ({ ok: true, version })));
	});

	it('[R50] a command made before the handshake completes waits in the outbox and goes once connected, on the same link', async () => {
		const server = await roomServer();
		const conn = connection(server.url);
		expect(conn.status).toBe(LINK.connecting);
		const answer = conn.send({ type: 'headcount.arrive' });
		await until(() => server.received.length === 1, 'sent once connected');
		server.received[0].ack({ ok: true, version: 2 });
		expect(await answer).toEqual({ ok: true, version: 2 });
		expect([wire.attempts, commandsSent(), server.sockets.length, conn.status]).toEqual([1, 1, 1, LINK.online]);
	});

	it('[R50] never keeps a typed text in storage in the clear, and keeps the sealed commands in order', async () => {
		const server = await roomServer(() => ({ code: 'unavailable', message: 'not now' }));
		const saved: string[] = [];
		const storage = { getItem: () => null, setItem: (_k: string, v: string) => void saved.push(v), removeItem: () => {} };
		const gated = gatedEngine();
		gated.hold('Casey');
		const conn = connection(server.url, { groupKey: newGroupKey(), storage, outboxKey: 'outbox', engine: gated.engine });
		void conn.send({ type: 'speaker.set', name: 'Casey' });
		void conn.send({ type: 'queue.add', name: 'Kurt' });
		await until(() => gated.finished.has('Kurt'), 'Kurt sealed');
		gated.release('Casey');
		await until(() => saved.some((v) => JSON.parse(v).length === 2), 'both kept');
		for (const v of saved) expect(v).not.toMatch(/Casey|Kurt/);
		expect(JSON.parse(saved.at(-1)!).map((c: Command) => c.type)).toEqual(['speaker.set', 'queue.add']);
	});

	it('[R67] a final refusal is shown once and dropped: the next command goes', async () => {
		const server = await roomServer();
		const conn = connection(server.url);
		await until(() => conn.status === LINK.online, 'online');
		const first = conn.send({ type: 'queue.next' });
		const second = conn.send({ type: 'headcount.arrive' });
		await until(() => server.received.length === 1, 'the first command');
		const refusal = { ok: false as const, error: { code: 'internal' as const, message: 'Something went wrong on the server.' } };
		server.received[0].ack(refusal);
		expect(await first).toEqual(refusal);
		expect(conn.lastError).toEqual(refusal.error);
		await until(() => server.received.length === 2, 'the next command');
		expect(server.received[1].command.type).toBe('headcount.arrive');
		server.received[1].ack({ ok: true, version: 2 });
		expect(await second).toEqual({ ok: true, version: 2 });
		expect(conn.pending).toEqual([]);
	});

	it('[R67] a retryable refusal keeps the command and sends it again with the same id', async () => {
		const server = await roomServer();
		const conn = connection(server.url);
		await until(() => conn.status === LINK.online, 'online');
		const answer = conn.send({ type: 'headcount.arrive' });
		await until(() => server.received.length === 1, 'sent');
		server.received[0].ack({ ok: false, error: { code: 'unavailable', message: 'Saving is paused.' } });
		await until(() => server.received.length === 2, 'sent again');
		expect(conn.savingPaused).toBe(true);
		expect(server.received[1].command.id).toBe(server.received[0].command.id);
		server.received[1].ack({ ok: true, version: 2 });
		expect(await answer).toEqual({ ok: true, version: 2 });
		expect(conn.savingPaused).toBe(false);
		expect(conn.lastError).toBeNull();
	});
});

describe('RoomConnection: snapshots', () => {
	it('[R23] shows snapshots in the order they arrived: one opened late never replaces a newer one', async () => {
		const server = await roomServer();
		const key = newGroupKey();
		const gated = gatedEngine();
		const conn = connection(server.url, { groupKey: key, engine: gated.engine });
		await until(() => server.sockets.length === 1, 'connected');
		const [older, newer] = [await snapshot(key, 5, 'Casey'), await snapshot(key, 6, 'Kurt')];
		gated.hold(older.session!.speaker!.name);
		server.io.emit('state', older);
		server.io.emit('state', newer);
		await until(() => conn.room?.version === 6, 'the newer snapshot shown');
		expect([conn.snapshotsReceived, ...shown(conn)]).toEqual([1, 6, 'Kurt']);
		gated.release(older.session!.speaker!.name);
		await until(() => conn.snapshotsReceived === 2, 'the older one opened and counted');
		expect(shown(conn)).toEqual([6, 'Kurt']);
	});

	it('[R23][R80] after resync, shows the store\'s state even when its version is not newer, and only that one', async () => {
		const server = await roomServer();
		const key = newGroupKey();
		const conn = connection(server.url, { groupKey: key });
		await until(() => server.sockets.length === 1, 'connected');
		// v12 was acknowledged by a primary that died before its replica had it
		server.io.emit('state', await snapshot(key, 12, 'Lost with the old primary'));
		await until(() => conn.room?.version === 12, 'the lost state');
		server.io.emit('resync');
		server.io.emit('state', await snapshot(key, 11, 'Casey'));
		await until(() => conn.room?.version === 11, 'the store\'s state after the failover');
		expect(shown(conn)).toEqual([11, 'Casey']);
		// the mark covers that one snapshot: an older one after it is ignored again
		server.io.emit('state', await snapshot(key, 10, 'Old'));
		server.io.emit('state', await snapshot(key, 12, 'Kurt'));
		await until(() => conn.room?.version === 12, 'the next change, at the version the lost one had');
		expect([conn.snapshotsReceived, ...shown(conn)]).toEqual([4, 12, 'Kurt']);
	});

	it('[R23] shows each newer snapshot, and ignores an older version', async () => {
		const server = await roomServer();
		const key = newGroupKey();
		const conn = connection(server.url, { groupKey: key });
		await until(() => server.sockets.length === 1, 'connected');
		server.io.emit('state', await snapshot(key, 5, 'Casey'));
		await until(() => conn.room?.version === 5, 'the first snapshot');
		server.io.emit('state', await snapshot(key, 4, 'Old'));
		await until(() => conn.snapshotsReceived === 2, 'the older one counted');
		expect(shown(conn)).toEqual([5, 'Casey']);
		server.io.emit('state', await snapshot(key, 7, 'Tasha'));
		await until(() => conn.room?.version === 7, 'the newer one');
		expect([conn.snapshotsReceived, ...shown(conn)]).toEqual([3, 7, 'Tasha']);
	});

	it('[R42] a removed device shows nothing, not even a snapshot that was still being opened', async () => {
		const server = await roomServer();
		const key = newGroupKey();
		const gated = gatedEngine();
		const conn = connection(server.url, { groupKey: key, engine: gated.engine });
		await until(() => server.sockets.length === 1, 'connected');
		const s = await snapshot(key, 5, 'Casey');
		gated.hold(s.session!.speaker!.name);
		server.io.emit('state', s);
		server.io.emit('revoked');
		await until(() => conn.status === LINK.revoked, 'told it was removed');
		gated.release(s.session!.speaker!.name);
		await until(() => conn.snapshotsReceived === 1, 'the snapshot opened');
		expect(conn.room).toBeNull();
	});

	it('[R49] without a key, says it cannot read the group and shows no ciphertext', async () => {
		const server = await roomServer();
		const conn = connection(server.url, { groupKey: null });
		await until(() => server.sockets.length === 1, 'connected');
		server.io.emit('state', await snapshot(newGroupKey(), 5, 'Casey'));
		await until(() => conn.room !== null, 'the snapshot');
		expect(conn.readability).toBe('noKey');
		expect(JSON.stringify(conn.room)).not.toMatch(/e1\./);
	});
});

describe('RoomConnection: refusals at connect', () => {
	it('[R66] an outdated page is told to reload and does not try again', async () => {
		const server = await roomServer(() => ({ code: 'outdated', message: 'Reload.' }));
		const conn = connection(server.url);
		await until(() => conn.status === LINK.outdated, 'outdated');
		expect(conn.refusal).toEqual({ code: 'outdated', message: 'Reload.' });
		expect(wire.attempts).toBe(1);
	});

	it('a closed connection stays closed: a retry it had planned never runs', async () => {
		const server = await roomServer(() => ({ code: 'unavailable', message: 'The store is away.' }));
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const conn = connection(server.url);
		await vi.waitFor(() => expect(server.auths).toHaveLength(1));
		await vi.waitFor(() => expect(conn.status).toBe(LINK.offline)); // refused for now: it plans a retry
		conn.close();
		vi.advanceTimersByTime(60_000);
		expect(wire.attempts, 'no new connection after close()').toBe(1);
	});

	it('[R79] after a reload, shows the commands still in its outbox opened, never their sealed form', async () => {
		const server = await roomServer(() => ({ code: 'unavailable', message: 'not now' })); // the name waits in the outbox
		const key = newGroupKey();
		const kept: string[] = [];
		const storage = { getItem: () => kept.at(-1) ?? null, setItem: (_k: string, v: string) => void kept.push(v), removeItem: () => {} };
		const before = connection(server.url, { groupKey: key, storage, outboxKey: 'outbox' });
		void before.send({ type: 'queue.add', name: 'Kurt' });
		await until(() => kept.length > 0, 'kept sealed');
		before.close();

		// opening takes a moment: until then the name is left out, never shown sealed
		const gated = gatedEngine();
		gated.hold(JSON.parse(kept.at(-1)!)[0].name);
		const after = connection(server.url, { groupKey: key, storage, outboxKey: 'outbox', engine: gated.engine });
		const names = () => after.pending.map((p) => (p.command.type === 'queue.add' ? p.command.name : null));
		expect(names()).toEqual(['']);
		gated.release(JSON.parse(kept.at(-1)!)[0].name);
		await until(() => names()[0] === 'Kurt', 'opened with the page key');
		expect(JSON.stringify(after.pending)).not.toMatch(/e1\./);
	});

	it('[R79] learns its own device id from the server', async () => {
		const server = await roomServer();
		server.io.on('connection', (socket) => socket.emit('device', { deviceId: 'dA1x9' }));
		const conn = connection(server.url);
		expect(conn.deviceId).toBeNull();
		await until(() => conn.deviceId === 'dA1x9', 'its device id');
	});
});
