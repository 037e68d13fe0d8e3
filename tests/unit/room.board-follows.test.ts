/** [R52] The board follows the conversation: the seed's Casey board, then "we need to check in with other folks". */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import type { RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, inSession, play } from '../helpers/room-fixtures.ts';

const board = (room: RoomState) => room.session!.board;
const wall = (room: RoomState) => viewFor('display', room).session!.board;

// Casey speaks; the group weighs up speed with him; Tasha waits to check in
const caseysBoard = () =>
	inSession(
		{ type: 'speaker.set', name: 'Casey' },
		{ type: 'queue.add', name: 'Tasha' },
		{ type: 'board.setTitle', title: 'Speed' },
		{ type: 'board.addItem', column: 'left', text: 'Use the high to clean the apartment (Kellie)' },
		{ type: 'board.addItem', column: 'right', text: 'My health: four T-cells' }
	);

describe('[R52] the board follows the conversation', () => {
	it('[R52] a new session starts with the board on the wall and no question', () => {
		expect(board(inSession())).toMatchObject({ shown: true, held: false });
	});

	it('[R52] queue.next while the board is up takes it off the wall and asks Keep or Clear', () => {
		const room = play(caseysBoard(), { type: 'queue.next' });
		expect(room.session!.speaker?.name).toBe('Tasha');
		expect(board(room)).toMatchObject({ shown: false, held: true, title: 'Speed' });
		expect(board(room).columns.right.map((i) => i.text)).toEqual(['My health: four T-cells']);
		// the room sees no board beside "Speaking now: Tasha"
		expect(wall(room)).toMatchObject({ title: '', shown: false, held: false, columns: { left: [], right: [] } });
	});

	it('[R52] speaker.set and speaker.clear hold the board the same way', () => {
		expect(board(play(caseysBoard(), { type: 'speaker.set', name: 'Kyle' }))).toMatchObject({ shown: false, held: true });
		expect(board(play(caseysBoard(), { type: 'speaker.clear' }))).toMatchObject({ shown: false, held: true });
	});

	it('[R52] Keep (board.show on) puts it back on the wall and ends the question', () => {
		const room = play(caseysBoard(), { type: 'queue.next' }, { type: 'board.show', on: true });
		expect(board(room)).toMatchObject({ shown: true, held: false });
		expect(wall(room).title).toBe('Speed');
		expect(wall(room).columns.left).toHaveLength(1);
	});

	it('[R52][R16] Clear ends the question and leaves an empty board on the wall for the next person', () => {
		const room = play(caseysBoard(), { type: 'queue.next' }, { type: 'board.clear' });
		expect(board(room)).toMatchObject({ shown: true, held: false, title: '', columns: { left: [], right: [] } });
		const next = play(room, { type: 'board.addItem', column: 'left', text: 'Gets me through the night' });
		expect(wall(next).columns.left.map((i) => i.text)).toEqual(['Gets me through the night']);
	});

	it('[R52][R36] undoing the clear puts the board back held, as it was', () => {
		const cleared = play(caseysBoard(), { type: 'queue.next' }, { type: 'board.clear' });
		const undone = play(cleared, { type: 'undo', undoId: cleared.session!.trash[0].id });
		expect(board(undone)).toMatchObject({ shown: false, held: true, title: 'Speed' });
	});

	it('[R52] adding an item while the board is held does not put it on the wall', () => {
		const room = play(caseysBoard(), { type: 'queue.next' }, { type: 'board.addItem', column: 'left', text: 'Helps me feel normal' });
		expect(board(room)).toMatchObject({ shown: false, held: true });
		expect(wall(room).columns.left).toEqual([]);
	});

	it('[R52] an empty board, or one already off the wall, is left as it is by a speaker change', () => {
		const empty = play(inSession({ type: 'speaker.set', name: 'Casey' }), { type: 'speaker.set', name: 'Kurt' });
		expect(board(empty)).toMatchObject({ shown: true, held: false });
		const hidden = play(caseysBoard(), { type: 'board.show', on: false }, { type: 'queue.next' });
		expect(board(hidden)).toMatchObject({ shown: false, held: false });
	});

	it('[R52] board.show off takes it down; facilitators still get every item, the display none', () => {
		const room = play(caseysBoard(), { type: 'board.show', on: false });
		expect(board(room).columns.left).toHaveLength(1);
		expect(viewFor('facilitator', room).session!.board.title).toBe('Speed');
		expect(wall(room).title).toBe('');
	});

	it('[R1] board.show is refused without a session and changes nothing', () => {
		const room = play(caseysBoard(), { type: 'session.end' });
		const result = applyCommand(room, cmd({ type: 'board.show', on: true }), { now: NOW });
		expect(result).toMatchObject({ ok: false, error: { code: 'no_session' } });
	});
});
