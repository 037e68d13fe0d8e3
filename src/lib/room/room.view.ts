/**
 * [R40] What each role is sent. Facilitators get the whole state but the records for funders [R53],
 * which they ask for on their own. A display gets only what the room may see: no drafts, no hidden
 * column, no board off the wall [R52], no trash, no opening words, no counts of past sessions, no
 * devices or invites, and, behind the privacy screen [R34], nothing of the session at all.
 */
import { ROLE, type Board, type Role, type RoomState, type Session } from '../protocol/protocol.ts';
import { emptyBoard } from './room.ts';

/** The display shows no headcount, so it is not sent one. */
const NO_COUNT = { here: 0, peak: 0, arrivals: 0 };

export function viewFor(role: Role, state: RoomState): RoomState {
	if (role === ROLE.facilitator) return state.group.records.length === 0 ? state : { ...state, group: { ...state.group, records: [] } };
	const session = state.session;
	const shown = session !== null && !session.privacy;
	const group = { ...state.group, openingWords: null, lastSession: null, records: [], topics: shown ? state.group.topics : [] };
	const base = { ...state, group, devices: [], invites: [] };
	if (!session) return { ...base, session: null };
	return { ...base, session: shown ? { ...session, headcount: NO_COUNT, trash: [], board: boardForDisplay(session.board) } : blank(session) };
}

function boardForDisplay(board: Board): Board {
	if (!board.shown) return { ...emptyBoard(), shown: false };
	const visible = (column: 'left' | 'right') => (board.hidden[column] ? [] : board.columns[column].filter((it) => !it.draft));
	return { ...board, held: false, columns: { left: visible('left'), right: visible('right') } };
}

function blank(session: Session): Session {
	return {
		id: session.id,
		startedAt: session.startedAt,
		speaker: null,
		queue: [],
		board: emptyBoard(),
		headcount: NO_COUNT,
		parkingLot: [],
		privacy: true,
		agreementsShown: false,
		trash: []
	};
}
