import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { TRASH_MAX, UNDO_WINDOW_MS } from '../../src/lib/room/room.undo.ts';
import type { CommandInput, RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, inSession, play } from '../helpers/room-fixtures.ts';

const at = (room: RoomState, input: CommandInput, now = NOW) => applyCommand(room, cmd(input), { now });
const lastUndo = (room: RoomState) => room.session!.trash.at(-1)!.id;

describe('undo', () => {
	it('[R36] brings a removed queue entry back where it was, with its id', () => {
		const before = inSession({ type: 'queue.add', name: 'Tasha' }, { type: 'queue.add', name: 'Kurt' }, { type: 'queue.add', name: 'DJ' });
		const kurt = before.session!.queue[1];
		let room = play(before, { type: 'queue.remove', entryId: kurt.id });
		room = play(room, { type: 'undo', undoId: lastUndo(room) });
		expect(room.session!.queue).toEqual(before.session!.queue);
		expect(room.session!.trash).toEqual([]);
	});

	it('[R36] brings back a removed item and a removed parking-lot topic', () => {
		const before = inSession({ type: 'board.addItem', column: 'left', text: 'a' }, { type: 'board.addItem', column: 'left', text: 'b' }, { type: 'parkingLot.add', text: 'Housing' });
		let room = play(before, { type: 'board.removeItem', itemId: before.session!.board.columns.left[0].id });
		room = play(room, { type: 'undo', undoId: lastUndo(room) });
		room = play(room, { type: 'parkingLot.remove', topicId: before.session!.parkingLot[0].id });
		room = play(room, { type: 'undo', undoId: lastUndo(room) });
		expect(room.session!.board.columns).toEqual(before.session!.board.columns);
		expect(room.session!.parkingLot).toEqual(before.session!.parkingLot);
	});

	it('[R36] undoes a board clear, keeping what was added since after what comes back', () => {
		const before = inSession({ type: 'board.setTitle', title: 'Speed' }, { type: 'board.addItem', column: 'left', text: 'a' }, { type: 'board.addItem', column: 'right', text: 'b' });
		let room = play(before, { type: 'board.clear' }, { type: 'board.addItem', column: 'left', text: 'c' });
		room = play(room, { type: 'undo', undoId: room.session!.trash[0].id });
		expect(room.session!.board.title).toBe('Speed');
		expect(room.session!.board.columns.left.map((i) => i.text)).toEqual(['a', 'c']);
		expect(room.session!.board.columns.right.map((i) => i.text)).toEqual(['b']);
	});

	it('[R36] is refused after the undo window, and a second time', () => {
		const room = inSession({ type: 'queue.add', name: 'Vaughn' });
		const removed = play(room, { type: 'queue.remove', entryId: room.session!.queue[0].id });
		const late = at(removed, { type: 'undo', undoId: lastUndo(removed) }, NOW + UNDO_WINDOW_MS + 1);
		expect(late.ok ? null : late.error.code).toBe('too_late');
		const undone = play(removed, { type: 'undo', undoId: lastUndo(removed) });
		expect(at(undone, { type: 'undo', undoId: lastUndo(removed) })).toMatchObject({ ok: false, error: { code: 'too_late' } });
	});

	it(`[R36] keeps at most ${TRASH_MAX} removals, and forgets them when the window has passed`, () => {
		let room = inSession(...Array.from({ length: TRASH_MAX + 2 }, () => ({ type: 'queue.add', name: 'Franco' }) as const));
		for (const entry of [...room.session!.queue]) room = play(room, { type: 'queue.remove', entryId: entry.id });
		expect(room.session!.trash).toHaveLength(TRASH_MAX);
		const later = at(room, { type: 'headcount.arrive' }, NOW + UNDO_WINDOW_MS + 1);
		expect(later.ok && later.state.session!.trash).toEqual([]);
	});
});
