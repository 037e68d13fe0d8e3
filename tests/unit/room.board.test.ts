import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { LIMITS, type Column, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, inSession, play } from '../helpers/room-fixtures.ts';

const texts = (room: RoomState, column: Column) => room.session!.board.columns[column].map((i) => i.text);
const idOf = (room: RoomState, column: Column, index: number) => room.session!.board.columns[column][index].id;
const refusal = (room: RoomState, input: CommandInput) => {
	const result = applyCommand(room, cmd(input), { now: NOW });
	return result.ok ? null : result.error.code;
};

// Casey's decisional balance on speed, from the seed's Monday group
const caseysBoard = () =>
	inSession(
		{ type: 'board.setTitle', title: 'Speed' },
		{ type: 'board.addItem', column: 'left', text: 'Make use of the high: clean up (Kellie)' },
		{ type: 'board.addItem', column: 'left', text: 'Getting away for a while (Kyle)' },
		{ type: 'board.addItem', column: 'right', text: 'Could lose the apartment (Kurt)' },
		{ type: 'board.addItem', column: 'right', text: 'Health: four T-cells (Tasha)' }
	);

describe('decisional-balance board', () => {
	it('[R14] board.addItem appends to the end of the given column', () => {
		const room = caseysBoard();
		expect(room.session!.board.title).toBe('Speed');
		expect(texts(room, 'left')).toEqual(['Make use of the high: clean up (Kellie)', 'Getting away for a while (Kyle)']);
		expect(texts(room, 'right')).toEqual(['Could lose the apartment (Kurt)', 'Health: four T-cells (Tasha)']);
	});

	it(`[R14] a column holds at most ${LIMITS.COLUMN_MAX_ITEMS} items, also when moving into it`, () => {
		const adds = Array.from({ length: LIMITS.COLUMN_MAX_ITEMS }, () => ({ type: 'board.addItem', column: 'right', text: 'x' }) as const);
		const room = play(caseysBoard(), ...adds.slice(2));
		expect(refusal(room, { type: 'board.addItem', column: 'right', text: 'one more' })).toBe('full');
		expect(refusal(room, { type: 'board.moveItem', itemId: idOf(room, 'left', 0), column: 'right', toIndex: 0 })).toBe('full');
	});

	it('[R13] board.setHeading replaces one heading; null stays the default for the other', () => {
		const room = play(caseysBoard(), { type: 'board.setHeading', column: 'right', text: 'Reasons to change' });
		expect(room.session!.board.headings).toEqual({ left: null, right: 'Reasons to change' });
	});

	it('[R13] a null title removes it; a null heading goes back to the preset', () => {
		const room = play(caseysBoard(), { type: 'board.setHeading', column: 'left', text: 'Mine' }, { type: 'board.setHeading', column: 'left', text: null }, { type: 'board.setTitle', title: null });
		expect(room.session!.board.title).toBe('');
		expect(room.session!.board.headings.left).toBeNull();
	});

	it('[R15] board.editItem replaces only the text; id, column and position stay', () => {
		const before = caseysBoard();
		const id = idOf(before, 'left', 1);
		const room = play(before, { type: 'board.editItem', itemId: id, text: 'Gets me away for a while' });
		expect(room.session!.board.columns.left[1]).toEqual({ id, text: 'Gets me away for a while', draft: false });
		expect(texts(room, 'right')).toEqual(texts(before, 'right'));
	});

	it('[R10] board.moveItem reorders within a column', () => {
		const before = caseysBoard();
		const room = play(before, { type: 'board.moveItem', itemId: idOf(before, 'left', 1), column: 'left', toIndex: 0 });
		expect(texts(room, 'left')).toEqual(['Getting away for a while (Kyle)', 'Make use of the high: clean up (Kellie)']);
	});

	it('[R10] board.moveItem moves between columns to the given position, past the end meaning last', () => {
		const before = caseysBoard();
		const kyle = idOf(before, 'left', 1);
		let room = play(before, { type: 'board.moveItem', itemId: kyle, column: 'right', toIndex: 1 });
		expect(texts(room, 'left')).toEqual(['Make use of the high: clean up (Kellie)']);
		expect(texts(room, 'right')).toEqual(['Could lose the apartment (Kurt)', 'Getting away for a while (Kyle)', 'Health: four T-cells (Tasha)']);
		room = play(room, { type: 'board.moveItem', itemId: kyle, column: 'left', toIndex: 99 });
		expect(texts(room, 'left')).toEqual(['Make use of the high: clean up (Kellie)', 'Getting away for a while (Kyle)']);
		expect(idOf(room, 'left', 1)).toBe(kyle);
	});

	it('[R11] edit, move and remove of an item that is gone are refused', () => {
		const before = caseysBoard();
		const id = idOf(before, 'right', 0);
		const room = play(before, { type: 'board.removeItem', itemId: id });
		expect(texts(room, 'right')).toEqual(['Health: four T-cells (Tasha)']);
		expect(refusal(room, { type: 'board.removeItem', itemId: id })).toBe('not_found');
		expect(refusal(room, { type: 'board.editItem', itemId: id, text: 'y' })).toBe('not_found');
		expect(refusal(room, { type: 'board.moveItem', itemId: id, column: 'left', toIndex: 0 })).toBe('not_found');
	});

	it('[R16] board.clear removes the title and every item; headings stay', () => {
		const room = play(caseysBoard(), { type: 'board.setHeading', column: 'left', text: 'Reasons to keep things as they are' }, { type: 'board.clear' });
		expect(room.session!.board).toMatchObject({
			title: '',
			headings: { left: 'Reasons to keep things as they are', right: null },
			columns: { left: [], right: [] }
		});
	});

	it('[R19] text is kept exactly as typed, markup included', () => {
		const typed = '<b>Speed</b> & "crank" 🙂 ';
		const room = inSession({ type: 'board.addItem', column: 'left', text: typed });
		expect(texts(room, 'left')).toEqual([typed]);
	});
});
