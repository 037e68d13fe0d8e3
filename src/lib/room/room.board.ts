/** Rules for the decisional-balance board. */
import { ERROR_CODE, LIMITS, type Board, type BoardItem, type Column, type CommandOf, type Session } from '../protocol/protocol.ts';
import { assertNever, insertAt, moveWithin, refuse, withSession, type SessionResult, type Step } from './room.result.ts';
import { toTrash } from './room.undo.ts';

export type BoardCommand = CommandOf<
	| 'board.setTitle'
	| 'board.setHeading'
	| 'board.usePreset'
	| 'board.addItem'
	| 'board.addDraft'
	| 'board.showItem'
	| 'board.editItem'
	| 'board.moveItem'
	| 'board.removeItem'
	| 'board.hideColumn'
	| 'board.show'
	| 'board.clear'
>;

const full = () => refuse(ERROR_CODE.full, `A column holds at most ${LIMITS.COLUMN_MAX_ITEMS} items.`);
const gone = () => refuse(ERROR_CODE.notFound, 'That item is no longer on the board.');

export function applyBoardCommand(s: Session, c: BoardCommand, step: Step): SessionResult {
	const board = s.board;
	const put = (next: Partial<Board>) => withSession({ ...s, board: { ...board, ...next } });
	const putColumns = (columns: Partial<Record<Column, BoardItem[]>>) => put({ columns: { ...board.columns, ...columns } });
	switch (c.type) {
		case 'board.setTitle': // [R13]
			return put({ title: c.title ?? '' });
		case 'board.setHeading':
			return put({ headings: { ...board.headings, [c.column]: c.text } });
		case 'board.usePreset': // [R39]
			return put({ preset: c.preset, headings: { left: null, right: null } });
		case 'board.addItem':
		case 'board.addDraft': {
			const items = board.columns[c.column]; // [R14]
			if (items.length >= LIMITS.COLUMN_MAX_ITEMS) return full();
			const item = { id: `b${step.version}`, text: c.text, draft: c.type === 'board.addDraft' }; // [R37]
			return putColumns({ [c.column]: [...items, item] });
		}
		case 'board.showItem': {
			const at = findItem(board, c.itemId);
			if (!at || !board.columns[at.column][at.index].draft) return refuse(ERROR_CODE.notFound, 'That draft is no longer waiting.');
			return putColumns({ [at.column]: board.columns[at.column].map((it) => (it.id === c.itemId ? { ...it, draft: false } : it)) });
		}
		case 'board.editItem': {
			const at = findItem(board, c.itemId); // [R15]
			if (!at) return gone();
			return putColumns({ [at.column]: board.columns[at.column].map((it) => (it.id === c.itemId ? { ...it, text: c.text } : it)) });
		}
		case 'board.moveItem': {
			const at = findItem(board, c.itemId);
			if (!at) return gone(); // [R11]
			if (at.column === c.column) return putColumns({ [c.column]: moveWithin(board.columns[c.column], at.index, c.toIndex) });
			if (board.columns[c.column].length >= LIMITS.COLUMN_MAX_ITEMS) return full();
			return putColumns({
				[at.column]: board.columns[at.column].filter((it) => it.id !== c.itemId),
				[c.column]: insertAt(board.columns[c.column], c.toIndex, board.columns[at.column][at.index])
			});
		}
		case 'board.removeItem': {
			const at = findItem(board, c.itemId);
			if (!at) return gone();
			const item = board.columns[at.column][at.index];
			const trash = toTrash(s.trash, { kind: 'item', column: at.column, index: at.index, item }, step); // [R36]
			const columns = { ...board.columns, [at.column]: board.columns[at.column].filter((it) => it.id !== c.itemId) };
			return withSession({ ...s, board: { ...board, columns }, trash });
		}
		case 'board.hideColumn': // [R38]
			return put({ hidden: { ...board.hidden, [c.column]: c.hidden } });
		case 'board.show': // [R52] on or off the wall; either way the question is answered
			return put({ shown: c.on, held: false });
		case 'board.clear': {
			const { title, columns, shown, held } = board;
			const trash = toTrash(s.trash, { kind: 'board', title, columns, shown, held }, step); // [R16][R36]
			// [R52] a cleared board is a fresh one: on the wall as soon as something is typed on it
			return withSession({ ...s, board: { ...board, title: '', columns: { left: [], right: [] }, shown: true, held: false }, trash });
		}
		default:
			return assertNever(c);
	}
}

/** Whether the board holds anything a room could read: a title or an item (drafts included). */
function hasContent(board: Board): boolean {
	return board.title !== '' || board.columns.left.length > 0 || board.columns.right.length > 0;
}

/**
 * [R52] The board follows the conversation: when the speaker changes while the board is on the wall
 * with something on it, it comes off the wall until a facilitator keeps it or clears it, so one
 * person's pros and cons never stay up beside the next person's name.
 */
export function boardAfterSpeakerChange(board: Board): Board {
	if (!board.shown || !hasContent(board)) return board;
	return { ...board, shown: false, held: true };
}

function findItem(board: Board, itemId: string): { column: Column; index: number } | null {
	for (const column of ['left', 'right'] as const) {
		const index = board.columns[column].findIndex((it) => it.id === itemId);
		if (index >= 0) return { column, index };
	}
	return null;
}
