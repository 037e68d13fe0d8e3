/** [R76] What a facilitator edits that the room does not see right now, and why: from the same state the pages hold. */
import { describe, expect, it } from 'vitest';
import { offWall, type WallArea } from '../../src/lib/components/controls/wall.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import type { RoomState } from '../../src/lib/protocol/protocol.ts';
import { inSession, play } from '../helpers/room-fixtures.ts';

const AREAS: WallArea[] = ['speaker', 'queue', 'parkingLot', 'board', 'left', 'right'];
const notes = (room: RoomState) => Object.fromEntries(AREAS.map((area) => [area, offWall(room.session!, area)]));

// Casey speaks, the group weighs up speed with him, Tasha waits, one topic is parked
const caseysBoard = () =>
	inSession(
		{ type: 'speaker.set', name: 'Casey' },
		{ type: 'queue.add', name: 'Tasha' },
		{ type: 'parkingLot.add', text: 'Medical marijuana' },
		{ type: 'board.setTitle', title: 'Speed' },
		{ type: 'board.addItem', column: 'left', text: 'Use the high to clean the apartment' },
		{ type: 'board.addItem', column: 'right', text: 'My health' }
	);

describe('[R76] not on the wall', () => {
	it('[R76] everything is on the wall in a running session after the opening', () => {
		expect(notes(caseysBoard())).toEqual({ speaker: null, queue: null, parkingLot: null, board: null, left: null, right: null });
	});

	it('[R76][R35] while the agreements are up, the speaker, queue, parking lot and board are not', () => {
		const room = play(caseysBoard(), { type: 'agreements.show', on: true });
		expect(new Set(Object.values(notes(room)))).toEqual(new Set(['agreements']));
	});

	it('[R76][R34] the privacy screen hides everything, and says so before anything else', () => {
		const room = play(caseysBoard(), { type: 'agreements.show', on: true }, { type: 'privacy.blank', on: true });
		expect(new Set(Object.values(notes(room)))).toEqual(new Set(['privacy']));
		// the display is sent nothing of the session indeed [R40]
		expect(viewFor('display', room).session!.queue).toEqual([]);
	});

	it('[R76][R52] a board held after Next, or taken off the wall, is not on it; the people are', () => {
		const held = play(caseysBoard(), { type: 'queue.next' });
		expect(notes(held)).toMatchObject({ speaker: null, queue: null, board: 'boardHeld', left: 'boardHeld' });
		const off = play(caseysBoard(), { type: 'board.show', on: false });
		expect(notes(off)).toMatchObject({ speaker: null, board: 'boardOff', right: 'boardOff' });
		expect(viewFor('display', off).session!.board.columns).toEqual({ left: [], right: [] });
	});

	it('[R76][R38] a hidden column is not on the wall; the other column and the board are', () => {
		const room = play(caseysBoard(), { type: 'board.hideColumn', column: 'left', hidden: true });
		expect(notes(room)).toMatchObject({ board: null, left: 'columnHidden', right: null });
		expect(viewFor('display', room).session!.board.columns.left).toEqual([]);
	});
});
