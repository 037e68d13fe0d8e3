/**
 * Builds groups for the bench straight through the Redis store (the same create + compare-and-set
 * path the server uses), each with a running session of realistic size: a speaker, a queue and a
 * board, so every snapshot is a few KB like a real group's.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from '../../src/lib/protocol/protocol.ts';
import { newGroupId } from '../../server/credentials.ts';
import { newGroup, runCommand, type ServerContext } from '../../server/rooms.ts';
import type { RoomStore, StoredRoom } from '../../server/store/room-store.ts';

export interface BenchGroup {
	groupId: string;
	remote: string;
	desk: string;
	display: string;
}

const SEED_BATCH = 200;

/** The commands a facilitator would have sent 20 minutes into the Monday group. */
function setupCommands(): Command[] {
	const id = () => randomBytes(6).toString('hex');
	const names = ['Casey', 'Tasha', 'Jordan', 'Sam', 'Alex', 'Robin'];
	const items = ['Helps me clean the apartment', 'Gets me away for a while', 'I feel more social', 'Could lose the apartment', 'Paranoid after', 'Money'];
	return [
		{ id: id(), type: 'session.start' },
		...names.map((name) => ({ id: id(), type: 'queue.add', name })),
		{ id: id(), type: 'board.setTitle', title: 'Speed' },
		...items.map((text, i) => ({ id: id(), type: 'board.addItem', column: i < 3 ? 'left' : 'right', text })),
		{ id: id(), type: 'parkingLot.add', text: 'Medical marijuana' },
		{ id: id(), type: 'headcount.arrive' },
		{ id: id(), type: 'headcount.arrive' },
		{ id: id(), type: 'speaker.set', name: 's0' }
	] as Command[];
}

/** Applies the setup commands in memory, as the remote would, one after the other. */
function seededRoom(room: StoredRoom, facilitatorId: string, now: number): StoredRoom {
	const ctx: ServerContext = { now, sender: { deviceId: facilitatorId, role: 'facilitator' } };
	let current = room;
	for (const command of setupCommands()) {
		const { next } = runCommand(current, command, ctx);
		if (!next) throw new Error(`seed command ${command.type} was refused`);
		current = next;
	}
	return current;
}

export function makeGroup(now = Date.now()) {
	const { room, credentials } = newGroup(newGroupId(), 'Monday group', now);
	const facilitator = room.state.devices.find((d) => d.role === 'facilitator')!;
	const group: BenchGroup = { groupId: room.state.groupId, ...credentials };
	return { room, seeded: seededRoom(room, facilitator.id, now), group };
}

/** Creates `count` groups in the store: one create and one compare-and-set each. */
export async function seedGroups(store: RoomStore, count: number): Promise<BenchGroup[]> {
	const groups: BenchGroup[] = [];
	for (let start = 0; start < count; start += SEED_BATCH) {
		const batch = Array.from({ length: Math.min(SEED_BATCH, count - start) }, () => makeGroup());
		await Promise.all(
			batch.map(async ({ room, seeded, group }) => {
				await store.create(room);
				await store.update(group.groupId, () => ({ next: seeded, result: null }));
				groups.push(group);
			})
		);
	}
	return groups;
}
