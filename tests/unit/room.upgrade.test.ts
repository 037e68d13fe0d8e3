/** A state stored by an older build reads as this build's shape ([R52] board on the wall, [R53] records). */
import { describe, expect, it } from 'vitest';
import { upgradeState } from '../../src/lib/room/room.upgrade.ts';
import type { RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, inSession } from '../helpers/room-fixtures.ts';

describe('states stored by an older build', () => {
	it('[R52][R53] get the board on the wall, and the last session as their first record', () => {
		const current = inSession({ type: 'speaker.set', name: 'Casey' });
		const { shown: _s, held: _h, ...oldBoard } = current.session!.board;
		const { records: _r, ...oldGroup } = current.group;
		const last = { startedAt: NOW, endedAt: NOW + 3600_000, here: 11, peak: 13, arrivals: 13 };
		const old = { ...current, group: { ...oldGroup, lastSession: last }, session: { ...current.session!, board: oldBoard } } as unknown as RoomState;
		const upgraded = upgradeState(old);
		expect(upgraded.session!.board).toMatchObject({ shown: true, held: false, title: '' });
		expect(upgraded.group.lastSession).toEqual({ ...last, id: 'r0' });
		expect(upgraded.group.records).toEqual([{ ...last, id: 'r0' }]);
	});

	it('leaves a current state as it is (the same object)', () => {
		const current = inSession();
		expect(upgradeState(current)).toBe(current);
	});
});
