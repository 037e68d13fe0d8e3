import { describe, expect, it } from 'vitest';
import { DEDUPE_WINDOW, newGroup, runCommand } from '../../server/rooms.ts';
import type { StoredRoom } from '../../server/store/room-store.ts';
import { NOW } from '../helpers/room-fixtures.ts';
import { facilitatorOf } from '../store/room-store.contract.ts';

const start = () => newGroup('group-test', 'Monday group', NOW).room;
const run = (room: StoredRoom, command: Parameters<typeof runCommand>[1]) => runCommand(room, command, { now: NOW, sender: facilitatorOf(room) });

describe('command ids', () => {
	it('[R18] a repeated id is answered with its first ack and not applied again', () => {
		let room = run(start(), { id: 'a1', type: 'session.start' }).next!;
		const first = run(room, { id: 'a2', type: 'queue.add', name: 'Tasha' });
		room = first.next!;
		const again = run(room, { id: 'a2', type: 'queue.add', name: 'Tasha' });
		expect(again.next).toBeNull();
		expect(again.result.ack).toEqual(first.result.ack);
		expect(again.result.changed).toBeNull();
		expect(room.state.session!.queue).toHaveLength(1);
	});

	it('[R18] a refused command is not remembered: sent again it is judged afresh', () => {
		let room = run(start(), { id: 'b1', type: 'session.start' }).next!;
		expect(run(room, { id: 'b2', type: 'queue.next' }).result.ack.ok).toBe(false);
		room = run(room, { id: 'b3', type: 'queue.add', name: 'Kyle' }).next!;
		const retried = run(room, { id: 'b2', type: 'queue.next' });
		expect(retried.result.ack.ok).toBe(true);
		expect(retried.next!.state.session!.speaker!.name).toBe('Kyle');
	});

	it(`[R18] the group remembers the last ${DEDUPE_WINDOW} accepted ids and no more`, () => {
		let room = run(start(), { id: 'c0', type: 'session.start' }).next!;
		for (let i = 1; i <= DEDUPE_WINDOW + 10; i++) room = run(room, { id: `c${i}`, type: 'speaker.set', name: 'DJ' }).next!;
		expect(room.recent).toHaveLength(DEDUPE_WINDOW);
		expect(room.recent.at(-1)).toEqual([`c${DEDUPE_WINDOW + 10}`, room.state.version]);
	});

	it('stores a hash of each device credential, never the credential', () => {
		const { room, credentials } = newGroup('group-test', 'Monday group', NOW);
		const stored = JSON.stringify(room);
		for (const credential of Object.values(credentials)) {
			expect(credential.length).toBeGreaterThanOrEqual(43);
			expect(stored).not.toContain(credential);
		}
		expect(room.state.devices.map((d) => d.role).sort()).toEqual(['display', 'facilitator', 'facilitator']);
		expect(Object.keys(room.keys).sort()).toEqual(room.state.devices.map((d) => d.id).sort());
	});
});
