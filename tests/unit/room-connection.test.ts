/**
 * RoomConnection's guarantees now that sealing and opening are asynchronous (WebCrypto): commands go
 * in the order they were made, one at a time, even when a later one is sealed first; a snapshot
 * opened late never replaces a newer one on screen; a removed device shows nothing; the outbox in
 * storage never holds a typed text in the clear. The socket (socket.ts) is replaced by a fake here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, CommandAck, RoomState } from '../../src/lib/protocol/protocol.ts';
import { webCryptoEngine, type TextEngine } from '../../src/lib/crypto/text-engines.ts';
import { newGroupKey } from '../../src/lib/crypto/text-format.ts';
import { inSession } from '../helpers/room-fixtures.ts';

type Handler = (...args: unknown[]) => void;
interface Emitted {
	command: Command;
	ack: (error: Error | null, reply: CommandAck) => void;
}

const fake = vi.hoisted(() => ({
	handlers: new Map<string, Handler>(),
	emitted: [] as Emitted[],
	connected: false,
	/** Milliseconds an engine call waits before it starts, by the text it seals or the value it opens. */
	delay: (() => 0) as (input: string) => number
}));

vi.mock('../../src/lib/client/socket.ts', async (original) => ({
	...(await original<typeof import('../../src/lib/client/socket.ts')>()),
	socketUrl: () => 'ws://test/socket.io/',
	Socket: class {
		get connected() {
			return fake.connected;
		}
		active = true;
		on(event: string, handler: Handler) {
			fake.handlers.set(event, handler);
			return this;
		}
		emitWithAck(_timeoutMs: number, _event: string, command: Command, ack: Emitted['ack']) {
			fake.emitted.push({ command, ack });
		}
		connect() {}
		close() {}
	}
}));

vi.mock('../../src/lib/crypto/text-engines.ts', async (original) => {
	const real = await original<typeof import('../../src/lib/crypto/text-engines.ts')>();
	const wait = (input: string) => new Promise((resolve) => setTimeout(resolve, fake.delay(input)));
	const slowed = (engine: TextEngine): TextEngine => ({
		name: engine.name,
		seal: async (key, groupId, text, iv) => (await wait(text), engine.seal(key, groupId, text, iv)),
		open: async (key, groupId, sealed) => (await wait(sealed), engine.open(key, groupId, sealed))
	});
	return { ...real, pageEngine: async () => slowed(real.webCryptoEngine(globalThis.crypto.subtle)) };
});

const { RoomConnection } = await import('../../src/lib/client/room-connection.svelte.ts');

const GROUP = 'group-test';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: string) {
	for (let i = 0; i < 200 && !check(); i++) await sleep(5);
	expect(check(), what).toBe(true);
}
const event = (name: string, ...args: unknown[]) => fake.handlers.get(name)!(...args);

/** A snapshot as the server sends it: the speaker's name sealed with `key`. */
async function snapshot(key: Uint8Array, version: number, speaker: string): Promise<RoomState> {
	const room = inSession({ type: 'speaker.set', name: 'x' });
	const name = await webCryptoEngine(globalThis.crypto.subtle).seal(key, GROUP, speaker);
	return { ...room, groupId: GROUP, version, session: { ...room.session!, speaker: { ...room.session!.speaker!, name } } };
}

/** The version and the speaker's name on screen. */
const shown = (conn: InstanceType<typeof RoomConnection>) => [conn.room?.version, conn.room?.session?.speaker?.name];

beforeEach(() => {
	fake.handlers.clear();
	fake.emitted.length = 0;
	fake.connected = true;
	fake.delay = () => 0;
});
afterEach(() => vi.useRealTimers());

describe('RoomConnection with asynchronous sealing', () => {
	it('sends commands in the order they were made, one at a time, even when a later one is sealed first', async () => {
		const key = newGroupKey();
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: key, storage: null });
		event('connect');
		fake.delay = (text) => (text === 'Casey' ? 40 : 0);
		const answers = [conn.send({ type: 'speaker.set', name: 'Casey' }), conn.send({ type: 'queue.add', name: 'Kurt' }), conn.send({ type: 'speaker.clear' })];
		expect(conn.pending.map((p) => p.command.type)).toEqual(['speaker.set', 'queue.add', 'speaker.clear']);
		await sleep(20);
		expect(fake.emitted, 'nothing goes before the first command is sealed').toHaveLength(0);
		for (const [i, type] of ['speaker.set', 'queue.add', 'speaker.clear'].entries()) {
			await until(() => fake.emitted.length === i + 1, `${type} emitted`);
			await sleep(10);
			expect(fake.emitted, 'one at a time').toHaveLength(i + 1);
			const { command, ack } = fake.emitted[i];
			expect(command.type).toBe(type);
			expect(JSON.stringify(command)).not.toMatch(/Casey|Kurt/);
			ack(null, { ok: true, version: i + 2 });
		}
		expect(await Promise.all(answers)).toEqual([1, 2, 3].map((i) => ({ ok: true, version: i + 1 })));
		conn.close();
	});

	it('never keeps a typed text in storage in the clear, and keeps the sealed commands in order', async () => {
		const key = newGroupKey();
		const saved: string[] = [];
		const storage = { getItem: () => null, setItem: (_k: string, v: string) => void saved.push(v), removeItem: () => {} };
		fake.connected = false;
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: key, storage, outboxKey: 'outbox' });
		fake.delay = (text) => (text === 'Casey' ? 30 : 0);
		void conn.send({ type: 'speaker.set', name: 'Casey' });
		void conn.send({ type: 'queue.add', name: 'Kurt' });
		await until(() => saved.some((v) => JSON.parse(v).length === 2), 'both kept');
		for (const v of saved) expect(v).not.toMatch(/Casey|Kurt/);
		expect(JSON.parse(saved.at(-1)!).map((c: Command) => c.type)).toEqual(['speaker.set', 'queue.add']);
		conn.close();
	});

	it('shows snapshots in the order they arrived: one opened late never replaces a newer one', async () => {
		const key = newGroupKey();
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: key, storage: null });
		const older = await snapshot(key, 5, 'Casey');
		const newer = await snapshot(key, 6, 'Kurt');
		const slow = older.session!.speaker!.name;
		fake.delay = (value) => (value === slow ? 50 : 0);
		event('state', older);
		event('state', newer);
		expect(conn.snapshotsReceived, 'counted once on screen (the projector shows the room again on a new count)').toBe(0);
		await until(() => conn.room?.version === 6, 'the newer snapshot shown');
		expect([conn.snapshotsReceived, ...shown(conn)]).toEqual([1, 6, 'Kurt']);
		await sleep(80); // the older one has opened by now
		expect([conn.snapshotsReceived, ...shown(conn)]).toEqual([2, 6, 'Kurt']);
		conn.close();
	});

	it('shows each newer snapshot, and ignores an older version', async () => {
		const key = newGroupKey();
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: key, storage: null });
		event('state', await snapshot(key, 5, 'Casey'));
		await until(() => conn.room?.version === 5, 'the first snapshot');
		event('state', await snapshot(key, 4, 'Old'));
		await sleep(20);
		expect([conn.snapshotsReceived, ...shown(conn)], 'an ignored snapshot counts too').toEqual([2, 5, 'Casey']);
		event('state', await snapshot(key, 7, 'Tasha'));
		await until(() => conn.room?.version === 7, 'the newer one');
		expect([conn.snapshotsReceived, ...shown(conn)]).toEqual([3, 7, 'Tasha']);
		conn.close();
	});

	it('a removed device shows nothing, not even a snapshot that was still being opened', async () => {
		const key = newGroupKey();
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: key, storage: null });
		const s = await snapshot(key, 5, 'Casey');
		fake.delay = () => 30;
		event('state', s);
		event('revoked');
		await sleep(60);
		expect(conn.room).toBeNull();
		conn.close();
	});

	it('without a key, says it cannot read the group and shows no ciphertext', async () => {
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: null, storage: null });
		event('state', await snapshot(newGroupKey(), 5, 'Casey'));
		await until(() => conn.room !== null, 'the snapshot');
		expect(conn.readability).toBe('noKey');
		expect(JSON.stringify(conn.room)).not.toMatch(/e1\./);
		conn.close();
	});

	it('[R74] after a reload, shows the commands still in its outbox opened, never their sealed form', async () => {
		const key = newGroupKey();
		const kept: string[] = [];
		const storage = { getItem: () => kept.at(-1) ?? null, setItem: (_k: string, v: string) => void kept.push(v), removeItem: () => {} };
		fake.connected = false; // offline: the name waits in the outbox
		const before = new RoomConnection(GROUP, 'credential', { groupKey: key, storage, outboxKey: 'outbox' });
		void before.send({ type: 'queue.add', name: 'Kurt' });
		await until(() => kept.length > 0, 'kept sealed');
		before.close();

		fake.delay = () => 30; // opening takes a moment: until then the name is left out, never shown sealed
		const after = new RoomConnection(GROUP, 'credential', { groupKey: key, storage, outboxKey: 'outbox' });
		const names = () => after.pending.map((p) => (p.command.type === 'queue.add' ? p.command.name : null));
		expect(names()).toEqual(['']);
		await until(() => names()[0] === 'Kurt', 'opened with the page key');
		expect(JSON.stringify(after.pending)).not.toMatch(/e1\./);
		after.close();
	});

	it('[R74] learns its own device id from the server', () => {
		const conn = new RoomConnection(GROUP, 'credential', { groupKey: null, storage: null });
		expect(conn.deviceId).toBeNull();
		event('device', { deviceId: 'dA1x9' });
		expect(conn.deviceId).toBe('dA1x9');
		conn.close();
	});
});
