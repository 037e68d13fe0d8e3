import type { Board, Column, GroupInfo } from '../protocol/protocol.ts';
import type { Messages } from './en.ts';
import { t } from './locale.svelte.ts';

export type { Messages };
export { alsoIn, locale, messagesOf, t } from './locale.svelte.ts';

/** The heading a column has when nobody has written one: its preset's, in the page's language. */
export function defaultHeading(board: Board, column: Column, m: Messages = t): string {
	return m.board.presets[board.preset][column];
}

/** A column heading as the room should read it: `null` is the default, in the page's language. */
export function columnHeading(board: Board, column: Column, m: Messages = t): string {
	return board.headings[column] ?? defaultHeading(board, column, m);
}

export function openingWordsOf(group: GroupInfo, m: Messages = t): string {
	return group.openingWords ?? m.opening.defaultWords;
}
