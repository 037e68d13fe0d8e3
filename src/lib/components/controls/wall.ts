/**
 * What the room does not see right now of what a phone or laptop edits, and why: the pages say it
 * next to the thing itself, so nobody types to a wall that is not showing it. Pure, from the state
 * the facilitators hold (the display's own view follows the same rules, R40).
 */
import type { Column, Session } from '../../protocol/protocol.ts';

const OFF_WALL = {
	/** [R34] the privacy screen hides the whole session */
	privacy: 'privacy',
	/** [R35] the agreements take the whole main area */
	agreements: 'agreements',
	/** [R52] the speaker changed: the board waits for Keep or Clear */
	boardHeld: 'boardHeld',
	/** [R52] taken off the wall */
	boardOff: 'boardOff',
	/** [R38] one column hidden */
	columnHidden: 'columnHidden'
} as const;
export type OffWall = (typeof OFF_WALL)[keyof typeof OFF_WALL];

/** The parts of a session the room may see. A column is one side of the board. */
export type WallArea = 'speaker' | 'queue' | 'parkingLot' | 'board' | Column;

export function offWall(session: Session, area: WallArea): OffWall | null {
	if (session.privacy) return OFF_WALL.privacy;
	if (session.agreementsShown) return OFF_WALL.agreements;
	if (area === 'speaker' || area === 'queue' || area === 'parkingLot') return null;
	if (session.board.held) return OFF_WALL.boardHeld;
	if (!session.board.shown) return OFF_WALL.boardOff;
	if (area !== 'board' && session.board.hidden[area]) return OFF_WALL.columnHidden;
	return null;
}
