import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../server/store/room-store.memory.ts';
import { apply, newRoom, storeContract } from './room-store.contract.ts';

storeContract('embedded', async () => ({ store: createMemoryStore() }));

describe('embedded store expiry', () => {
	it('[R27] a session nobody ends is wiped after its TTL; the group stays until its own', async () => {
		let now = 1_000_000;
		const store = createMemoryStore({ now: () => now, sessionTtlS: 60, groupTtlS: 3600 });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' });
		await apply(store, id, { type: 'speaker.set', name: 'Casey' });
		now += 59_000;
		expect((await store.load(id))!.state.session).not.toBeNull();
		now += 2_000;
		expect((await store.load(id))!.state.session).toBeNull();
		now += 3600_000;
		expect(await store.load(id)).toBeNull();
	});
});
