import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import type { RoomStore } from '../../server/store/room-store.ts';
import { COMMANDS, COMMAND_TYPES, LIMITS, PROTOCOL_VERSION, sealedLength, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup, disconnected, startServer, type Client, type TestServer } from '../helpers/test-server.ts';

let t: TestRedis;
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(() => t.cleanup());

const stores: Record<string, () => Promise<RoomStore>> = {
	redis: async () => createRedisStore(t.redis, { prefix: t.prefix }),
	embedded: () => embeddedStore()
};

const queueNames = (s: RoomState) => s.session?.queue.map((e) => e.name) ?? [];

describe.each(Object.keys(stores))('server with the %s store', (kind) => {
	let server: TestServer;
	let remote: Client, desk: Client, display: Client;
	const clients: Client[] = [];

	beforeAll(async () => {
		server = await startServer({ store: await stores[kind]() });
	});
	afterAll(async () => {
		for (const c of clients) c.close();
		await server.close();
	});

	async function openGroup() {
		const keys = await createGroup(server.url);
		remote = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
		desk = await connectClient(server.url, { groupId: keys.groupId, key: keys.desk });
		display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		clients.push(remote, desk, display);
		return keys;
	}

	it('[R21] every device starts with a full snapshot of its group', async () => {
		const keys = await openGroup();
		for (const c of [remote, desk, display])
			expect(c.latest()).toMatchObject({ protocol: PROTOCOL_VERSION, groupId: keys.groupId, version: 1, group: { name: 'Monday group', topics: [] }, session: null });
	});

	it('acks a command with the new version and broadcasts it to every device', async () => {
		await openGroup();
		expect(await remote.send({ id: 'm1', type: 'session.start' })).toEqual({ ok: true, version: 2 });
		expect(await remote.send({ id: 'm2', type: 'speaker.set', name: 'Casey' })).toEqual({ ok: true, version: 3 });
		for (const c of [remote, desk, display]) {
			const s = await c.waitFor((s) => s.version === 3);
			expect(s.session!.speaker).toMatchObject({ name: 'Casey', permission: 'unasked' });
		}
	});

	it('[R18] a retried command id gets its first ack and is applied once', async () => {
		await openGroup();
		await remote.send({ id: 'r1', type: 'session.start' });
		const first = await remote.send({ id: 'r2', type: 'queue.add', name: 'Tasha' });
		const retry = await remote.send({ id: 'r2', type: 'queue.add', name: 'Tasha' });
		expect(retry).toEqual(first);
		const fromDesk = await desk.send({ id: 'r2', type: 'queue.add', name: 'Tasha' });
		expect(fromDesk).toEqual(first);
		await remote.send({ id: 'r3', type: 'queue.add', name: 'Kurt' });
		const s = await display.waitFor((s) => queueNames(s).includes('Kurt'));
		expect(queueNames(s)).toEqual(['Tasha', 'Kurt']);
	});

	it('[R22] two devices sending at once lose neither change', async () => {
		await openGroup();
		await remote.send({ id: 'x0', type: 'session.start' });
		const fromRemote = ['Casey', 'Kurt', 'Tasha', 'Franco', 'Kyle'].map((name, i) => remote.send({ id: `xr${i}`, type: 'queue.add', name }));
		const fromDesk = ['Speed', 'Housing', 'Health', 'Money', 'Sleep'].map((text, i) =>
			desk.send({ id: `xd${i}`, type: 'board.addItem', column: i % 2 ? 'right' : 'left', text })
		);
		const acks = await Promise.all([...fromRemote, ...fromDesk]);
		expect(acks.every((a) => a.ok)).toBe(true);
		const final = await display.waitFor((s) => s.version === 12, 'version 12');
		expect(queueNames(final)).toEqual(['Casey', 'Kurt', 'Tasha', 'Franco', 'Kyle']);
		const items = [...final.session!.board.columns.left, ...final.session!.board.columns.right].map((i) => i.text);
		expect(items.sort()).toEqual(['Health', 'Housing', 'Money', 'Sleep', 'Speed']);
		// every device saw versions rise, never fall
		for (const c of [remote, desk, display]) {
			const versions = c.snapshots.map((s) => s.version);
			expect(versions).toEqual([...versions].sort((a, b) => a - b));
		}
	});

	it('[R2] refuses every command from a display and changes nothing', async () => {
		await openGroup();
		await remote.send({ id: 'd0', type: 'session.start' });
		const before = remote.latest().version;
		for (const type of COMMAND_TYPES) {
			const ack = await display.send({ id: `d-${type.replace(".", "_")}`, type, ...COMMANDS[type].example });
			expect(ack, type).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
		}
		expect(await remote.send({ id: 'd4', type: 'speaker.set', name: 'Casey' })).toEqual({ ok: true, version: before + 1 });
	});

	it('[R20] refuses bad input with a code and a sentence; state unchanged; connection kept', async () => {
		await openGroup();
		await remote.send({ id: 'b0', type: 'session.start' });
		const version = remote.latest().version;
		const bad: Array<[unknown, string]> = [
			['speaker.set', 'invalid_payload'],
			[{ type: 'queue.next' }, 'invalid_payload'],
			[{ id: 'b1', type: 'speaker.shout' }, 'unknown_command'],
			[{ id: 'b2', type: 'speaker.set' }, 'invalid_field'],
			[{ id: 'b3', type: 'speaker.set', name: 7 }, 'invalid_field'],
			[{ id: 'b4', type: 'feedback.set', permission: 'maybe' }, 'invalid_field'],
			[{ id: 'b5', type: 'board.addItem', column: 'left', text: 'x'.repeat(sealedLength(LIMITS.ITEM_MAX_CHARS) + 1) }, 'too_long'],
			[{ id: 'b6', type: 'queue.remove', entryId: 'q404' }, 'not_found']
		];
		for (const [payload, code] of bad) {
			const ack = await remote.send(payload as Record<string, unknown>);
			expect(ack.ok ? 'ok' : ack.error.code, JSON.stringify(payload).slice(0, 60)).toBe(code);
			expect(ack.ok || ack.error.message.length > 10).toBe(true);
		}
		expect(remote.socket.connected).toBe(true);
		expect(await remote.send({ id: 'b7', type: 'queue.add', name: 'DJ' })).toEqual({ ok: true, version: version + 1 });
	});

	it('[R20] a command without an ack callback, or with junk arguments, does not hurt the server', async () => {
		await openGroup();
		const raw = remote.socket as unknown as { emit(...args: unknown[]): void };
		raw.emit('command');
		raw.emit('command', null, 'not a function');
		raw.emit('something.else', { id: 'z' });
		expect(await remote.send({ id: 'j1', type: 'session.start' })).toEqual({ ok: true, version: 2 });
	});

	it('[R20] a message over the size limit closes that socket only; the state is unchanged', async () => {
		await openGroup();
		await remote.send({ id: 'o0', type: 'session.start' });
		const version = remote.latest().version;
		const gone = disconnected(desk.socket);
		const huge = { id: 'o1', type: 'board.addItem', column: 'left', text: 'x'.repeat(LIMITS.SOCKET_MESSAGE_MAX_BYTES + 100) };
		(desk.socket as unknown as { emit(...args: unknown[]): void }).emit('command', huge);
		await gone;
		expect(await remote.send({ id: 'o2', type: 'queue.add', name: 'Kellie' })).toEqual({ ok: true, version: version + 1 });
		expect(queueNames(await display.waitFor((s) => s.version === version + 1))).toEqual(['Kellie']);
	});

	it('[R5] session.end wipes names, queue and board from every device', async () => {
		await openGroup();
		await remote.send({ id: 'e0', type: 'session.start' });
		await remote.send({ id: 'e1', type: 'speaker.set', name: 'Casey' });
		await remote.send({ id: 'e2', type: 'queue.add', name: 'Kyle' });
		await desk.send({ id: 'e3', type: 'board.addItem', column: 'right', text: 'Could lose the apartment' });
		const ack = await remote.send({ id: 'e4', type: 'session.end' });
		expect(ack.ok).toBe(true);
		for (const c of [remote, desk, display]) {
			const s = await c.waitFor((s) => s.version === (ack.ok ? ack.version : -1));
			expect(s.session).toBeNull();
			expect(JSON.stringify(s)).not.toMatch(/Casey|Kyle|apartment/);
		}
	});

	it('never logs what people typed or a credential', async () => {
		const keys = await openGroup();
		await remote.send({ id: 'l0', type: 'session.start' });
		await remote.send({ id: 'l1', type: 'speaker.set', name: 'Casey-canary-4f1' });
		await remote.send({ id: 'l2', type: 'speaker.set', name: 'x'.repeat(5000) });
		await display.send({ id: 'l3', type: 'queue.add', name: 'Tasha-canary-9b2' });
		const log = server.log.lines.join('\n');
		expect(log).toContain('socket.connected');
		for (const secret of ['canary', keys.remote, keys.desk, keys.display, 'Monday group']) expect(log).not.toContain(secret);
	});
});
