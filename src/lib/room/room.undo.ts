/** [R36] Undo: what a removal or a clear took away stays in the session's trash for a few seconds. */
import { ERROR_CODE, LIMITS, type Session, type TrashEntry } from '../protocol/protocol.ts';
import { insertAt, refuse, withSession, type SessionResult, type Step } from './room.result.ts';

/** How long a removal can be undone. Pages offer it for a shorter time, so clock skew never bites. */
export const UNDO_WINDOW_MS = 15_000;
export const TRASH_MAX = 5;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function pruneTrash(trash: TrashEntry[], now: number): TrashEntry[] {
	const kept = trash.filter((t) => now - t.at <= UNDO_WINDOW_MS);
	return kept.length === trash.length ? trash : kept;
}

export function toTrash(trash: TrashEntry[], entry: DistributiveOmit<TrashEntry, 'id' | 'at'>, step: Step): TrashEntry[] {
	const added = { ...entry, id: `u${step.version}`, at: step.now } as TrashEntry;
	return [...pruneTrash(trash, step.now), added].slice(-TRASH_MAX);
}

export function applyUndo(s: Session, undoId: string, step: Step): SessionResult {
	const entry = s.trash.find((t) => t.id === undoId);
	if (!entry) return refuse(ERROR_CODE.tooLate, 'That can no longer be undone.');
	const trash = s.trash.filter((t) => t.id !== undoId);
	const full = (what: string) => refuse(ERROR_CODE.full, `The ${what} is full, so this cannot be put back.`);
	switch (entry.kind) {
		case 'queue':
			if (s.queue.length >= LIMITS.QUEUE_MAX) return full('queue');
			return withSession({ ...s, queue: insertAt(s.queue, entry.index, entry.entry), trash });
		case 'parkingLot':
			if (s.parkingLot.length >= LIMITS.PARKING_LOT_MAX) return full('parking lot');
			return withSession({ ...s, parkingLot: insertAt(s.parkingLot, entry.index, entry.topic), trash });
		case 'item': {
			const items = s.board.columns[entry.column];
			if (items.length >= LIMITS.COLUMN_MAX_ITEMS) return full('column');
			const columns = { ...s.board.columns, [entry.column]: insertAt(items, entry.index, entry.item) };
			return withSession({ ...s, board: { ...s.board, columns }, trash });
		}
		case 'board': {
			// what was added since the clear stays, after what comes back
			const left = [...entry.columns.left, ...s.board.columns.left];
			const right = [...entry.columns.right, ...s.board.columns.right];
			if (left.length > LIMITS.COLUMN_MAX_ITEMS || right.length > LIMITS.COLUMN_MAX_ITEMS) return full('board');
			// [R52] back on or off the wall as it was, with its question if it had one
			const board = { ...s.board, title: s.board.title || entry.title, columns: { left, right }, shown: entry.shown, held: entry.held };
			return withSession({ ...s, board, trash });
		}
	}
}
