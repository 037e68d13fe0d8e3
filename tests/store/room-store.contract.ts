/**
 * The storage contract: what every RoomStore must do. Run against each implementation by
 * room-store.embedded.test.ts and room-store.redis.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { newGroup, runCommand } from '../../server/rooms.ts';
import type { RoomStore, StoredRoom } from '../../server/store/room-store.ts';
import type { CommandInput } from '../../src/lib/protocol/protocol.ts';
import { NOW } from '../helpers/room-fixtures.ts';

export interface StoreHarness {
	store: RoomStore;
	/** A second store on the same backing data, as another server node would have (if it can). */
	otherNode?: RoomStore;
}

let seq = 0;
const groupId = () => `grp${Date.now().toString(36)}${(seq++).toString(36)}`;

export function newRoom(id = groupId()): StoredRoom {
	return newGroup(id, 'Monday group', NOW).room;
}

/** Runs a command as the group's first facilitator device. */
export const apply = (store: RoomStore, id: string, input: CommandInput, commandId = `k${seq++}`) =>
	store.update(id, (room) => runCommand(room, { ...input, id: commandId } as never, { now: NOW, sender: facilitatorOf(room) }));

export function facilitatorOf(room: StoredRoom) {
	const device = room.state.devices.find((d) => d.role === 'facilitator')!;
	return { deviceId: device.id, role: device.role };
}

export function storeContract(name: string, open: () => Promise<StoreHarness>) {
	describe(`${name} store contract`, () => {
		it('creates a group and loads it back as stored', async () => {
			const { store } = await open();
			const room = newRoom();
			await store.create(room);
			expect(await store.load(room.state.groupId)).toEqual(room);
		});

		it('refuses to create a group id twice and keeps the first', async () => {
			const { store } = await open();
			const room = newRoom();
			await store.create(room);
			await expect(store.create({ ...room, keys: {} })).rejects.toThrow();
			expect(Object.keys((await store.load(room.state.groupId))!.keys)).toHaveLength(3);
		});

		it('answers null for a group that does not exist, and update says not found', async () => {
			const { store } = await open();
			expect(await store.load('nope')).toBeNull();
			expect(await apply(store, 'nope', { type: 'session.start' })).toEqual({ found: false });
		});

		it('writes what a change returns, session included, and nothing for a refused command', async () => {
			const { store } = await open();
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			await apply(store, id, { type: 'session.start' });
			await apply(store, id, { type: 'speaker.set', name: 'Casey' });
			const refused = await apply(store, id, { type: 'queue.next' });
			expect(refused).toMatchObject({ found: true, result: { ack: { ok: false } } });
			const loaded = (await store.load(id))!;
			expect(loaded.state.version).toBe(3);
			expect(loaded.state.session!.speaker!.name).toBe('Casey');
			expect(loaded.recent).toHaveLength(2);
		});

		it('[R22] applies concurrent commands one at a time and loses none', async () => {
			const { store, otherNode } = await open();
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			await apply(store, id, { type: 'session.start' });
			const nodes = otherNode ? [store, otherNode] : [store];
			const names = ['Casey', 'Kurt', 'Tasha', 'Franco', 'Kyle', 'DJ', 'Kellie', 'Vaughn'];
			const adds = Array.from({ length: 40 }, (_, i) =>
				apply(nodes[i % nodes.length], id, { type: 'queue.add', name: names[i % names.length] })
			);
			const results = await Promise.all(adds);
			expect(results.every((r) => r.found && r.result.ack.ok)).toBe(true);
			const versions = results.map((r) => (r.found && r.result.ack.ok ? r.result.ack.version : 0));
			expect(new Set(versions).size).toBe(40);
			const loaded = (await store.load(id))!;
			expect(loaded.state.version).toBe(2 + 40);
			expect(loaded.state.session!.queue).toHaveLength(40);
		});

		it('[R18] answers a retried command id with its first result, even from another node', async () => {
			const { store, otherNode } = await open();
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			await apply(store, id, { type: 'session.start' });
			const first = await apply(store, id, { type: 'queue.add', name: 'Kyle' }, 'retry-me');
			const second = await apply(otherNode ?? store, id, { type: 'queue.add', name: 'Kyle' }, 'retry-me');
			expect(second).toMatchObject({ found: true, result: { ack: first.found && first.result.ack, changed: null } });
			expect((await store.load(id))!.state.session!.queue).toHaveLength(1);
		});

		it('[R18] keeps what an ack carried besides its version, for the retry, even from another node', async () => {
			const { store, otherNode } = await open();
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			const invite = { id: 'i7', label: "Kim's laptop", expiresAt: NOW + 600_000 };
			const ackExtra = { invite: 'sealed.invite code', paired: { publicKey: 'A'.repeat(43) } };
			const run = (s: RoomStore) =>
				s.update(id, (r) =>
					runCommand(r, { id: 'inv-1', type: 'invite.create', label: "Kim's laptop" }, { now: NOW, sender: facilitatorOf(r), newInvite: invite, ackExtra })
				);
			const first = await run(store);
			expect(first).toMatchObject({ found: true, result: { ack: { ok: true, version: 2, ...ackExtra }, replayed: false } });
			expect(await run(otherNode ?? store)).toMatchObject({ found: true, result: { ack: { ok: true, version: 2, ...ackExtra }, replayed: true, changed: null } });
			expect((await store.load(id))!.recent.at(-1)).toEqual(['inv-1', 2, ackExtra]);
		});

		it('[R5] ending the session removes it from the store', async () => {
			const { store } = await open();
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			await apply(store, id, { type: 'session.start' });
			await apply(store, id, { type: 'queue.add', name: 'Vaughn' });
			await apply(store, id, { type: 'session.end' });
			const loaded = (await store.load(id))!;
			expect(loaded.state.session).toBeNull();
			expect(JSON.stringify(loaded)).not.toContain('Vaughn');
		});
	});
}
