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

/** The group's agreements; `null` means the defaults, in the page's language [R29]. */
export function agreementsOf(group: GroupInfo, m: Messages = t): readonly string[] {
	return group.agreements ?? m.agreements.defaults;
}

export function openingWordsOf(group: GroupInfo, m: Messages = t): string {
	return group.openingWords ?? m.opening.defaultWords;
}
