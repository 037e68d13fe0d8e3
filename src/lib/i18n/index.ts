import type { Board, Column } from '../protocol/protocol.ts';
import { en, type Messages } from './en.ts';

export type { Messages };

/** The page's dictionary. One language for now; choosing one per page comes with Spanish. */
export const t: Messages = en;

/** The heading a column has when nobody has written one: its preset's, in the page's language. */
export function defaultHeading(board: Board, column: Column): string {
	return t.board.presets[board.preset][column];
}

/** A column heading as the room should read it: `null` is the default, in the page's language. */
export function columnHeading(board: Board, column: Column): string {
	return board.headings[column] ?? defaultHeading(board, column);
}
