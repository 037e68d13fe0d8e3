/**
 * What the projector draws from the room. Pure, so it is tested directly, and so the display and
 * its preview on a facilitator's device decide alike: given a facilitator's whole state it draws
 * exactly what it draws from the display's view of it [R40] (no drafts, no hidden column, nothing
 * behind the privacy screen), which tests/unit/display-scene.test.ts checks against `viewFor`.
 * (Pages may not import the room's rules, room*.ts, which bring the command table with them.)
 */
import type { Board, BoardItem, GroupInfo, QueueEntry, RoomState, Speaker, Topic } from '../../protocol/protocol.ts';
import { COLUMNS } from '../../protocol/state.ts';

export const SCENE = {
	/** Nothing known to be current: the neutral welcome without the group [R28]. */
	closed: 'closed',
	/** The privacy screen is up: the neutral welcome without the group [R34]. */
	privacy: 'privacy',
	/** Between sessions: the welcome with the group's name and next meeting. */
	welcome: 'welcome',
	/** The agreements take the whole main area [R35]. */
	agreements: 'agreements',
	/** The speaker, the queue, the parking lot, topics for next time and, when there is one, the board. */
	session: 'session'
} as const;
type SceneKind = (typeof SCENE)[keyof typeof SCENE];

interface SessionScene {
	speaker: Speaker | null;
	queue: QueueEntry[];
	parkingLot: Topic[];
	topics: Topic[];
	/** Null: no board on the wall, the people take the whole screen [R61]. */
	board: Board | null;
}

interface Scene {
	kind: SceneKind;
	/** The group, except where the screen must not say which group meets here. */
	group: GroupInfo | null;
	startedAt: number | null;
	session: SessionScene | null;
}

// A text that did not open on this device arrives as '' [R49]: it is left out altogether, never drawn
// as an empty row or a nameless speaker.
const said = <T extends { text: string }>(list: readonly T[]) => list.filter((entry) => entry.text !== '');
// Drafts are for facilitators only [R37].
const shownItems = (items: readonly BoardItem[]) => said(items).filter((item) => !item.draft);

/**
 * [R61] A board is on the wall only with something to read: a title or a shown item, in a column that
 * is not hidden. An untitled board with no items, or one whose columns are all hidden, is left out.
 */
export function boardOnWall(board: Board): Board | null {
	if (!board.shown) return null; // [R52] the facilitators took it off the wall (or it is held)
	const visible = COLUMNS.filter((column) => !board.hidden[column]);
	// a hidden column's items are not sent to a display [R38]; a preview leaves them out alike
	const columns = { left: board.hidden.left ? [] : shownItems(board.columns.left), right: board.hidden.right ? [] : shownItems(board.columns.right) };
	const items = visible.some((column) => columns[column].length > 0);
	if (visible.length === 0 || (board.title === '' && !items)) return null;
	return { ...board, columns, headings: { left: board.headings.left || null, right: board.headings.right || null } };
}

export function sceneOf(room: RoomState | null): Scene {
	if (!room) return { kind: SCENE.closed, group: null, startedAt: null, session: null };
	const session = room.session;
	if (session?.privacy) return { kind: SCENE.privacy, group: null, startedAt: null, session: null };
	// only what a display is sent of the group, and draws
	const group = { ...room.group, openingWords: null, lastSession: null, records: [], topics: [] };
	if (!session) return { kind: SCENE.welcome, group, startedAt: null, session: null };
	const kind = session.agreementsShown ? SCENE.agreements : SCENE.session;
	return {
		kind,
		group,
		startedAt: session.startedAt,
		session: {
			speaker: session.speaker && session.speaker.name !== '' ? session.speaker : null,
			queue: session.queue.filter((entry) => entry.name !== ''),
			parkingLot: said(session.parkingLot),
			topics: said(room.group.topics),
			board: boardOnWall(session.board)
		}
	};
}
