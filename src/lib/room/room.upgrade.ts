/**
 * A state stored by an older build, brought to this build's shape: fields added since get the values
 * a new group or session would have. Stores call it on every read, so nothing else needs to know.
 */
import type { Board, RoomState, Session } from '../protocol/protocol.ts';

type Stored<T> = Omit<T, 'shown' | 'held' | 'records'> & Partial<T>;

export function upgradeState(state: RoomState): RoomState {
	const group = state.group as Stored<RoomState['group']>;
	const session = state.session as (Omit<Session, 'board'> & { board: Stored<Board> }) | null;
	const groupOk = Array.isArray(group.records);
	const boardOk = !session || (typeof session.board.shown === 'boolean' && typeof session.board.held === 'boolean');
	if (groupOk && boardOk) return state;
	// an older build kept only the last session's counts, without an id: they become the first record
	const last = state.group.lastSession ? { ...state.group.lastSession, id: state.group.lastSession.id ?? 'r0' } : null;
	return {
		...state,
		group: groupOk ? state.group : { ...state.group, lastSession: last, records: last ? [last] : [] },
		session: session && !boardOk ? { ...session, board: { shown: true, held: false, ...session.board } as Board } : state.session
	};
}
