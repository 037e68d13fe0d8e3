/**
 * The room's rules, as one pure function. No Socket.IO, Redis, Svelte or clock in here: time comes
 * in through the context. Rule IDs (R…) refer to docs/room-spec.md.
 */
import {
	ERROR_CODE,
	LIMITS,
	PERMISSION,
	PROTOCOL_VERSION,
	ROLE,
	type Board,
	type BoardItem,
	type Column,
	type Command,
	type CommandOf,
	type CommandType,
	type ErrorCode,
	type ProtocolError,
	type Role,
	type RoomState,
	type Session
} from '../protocol/protocol.ts';

export interface CommandContext {
	/** ms since epoch, from the server's clock. */
	now: number;
}

export type ApplyResult = { ok: true; state: RoomState } | { ok: false; error: ProtocolError };

export function createRoomState(groupId: string, groupName: string): RoomState {
	return { protocol: PROTOCOL_VERSION, groupId, version: 1, group: { name: groupName }, session: null };
}

export function emptyBoard(): Board {
	return { title: '', headings: { left: null, right: null }, columns: { left: [], right: [] } };
}

/** [R2] Which commands a role may send. A display sends none. */
export function canSend(role: Role, _type: CommandType): boolean {
	return role === ROLE.facilitator;
}

const refuse = (code: ErrorCode, message: string): ApplyResult => ({ ok: false, error: { code, message } });

/**
 * Applies one command. [R1] On success the version rises by exactly one; on refusal nothing changes.
 * Never throws for a command that passed `parseCommand`.
 */
export function applyCommand(state: RoomState, command: Command, ctx: CommandContext): ApplyResult {
	const version = state.version + 1;
	if (command.type === 'session.start') {
		if (state.session) return refuse(ERROR_CODE.sessionActive, 'A session is already running.');
		const session: Session = { id: `s${version}`, startedAt: ctx.now, speaker: null, queue: [], board: emptyBoard() };
		return { ok: true, state: { ...state, version, session } };
	}
	// [R4] everything else needs a running session
	const session = state.session;
	if (!session) return refuse(ERROR_CODE.noSession, 'No session is running. Start one first.');
	const next = applyToSession(session, command, { version, now: ctx.now });
	if ('error' in next) return { ok: false, error: next.error };
	return { ok: true, state: { ...state, version, session: next.session } };
}

type SessionResult = { session: Session | null } | { error: ProtocolError };
type Ctx = { version: number; now: number };

function applyToSession(s: Session, c: Exclude<Command, CommandOf<'session.start'>>, ctx: Ctx): SessionResult {
	const no = (code: ErrorCode, message: string) => ({ error: { code, message } });
	switch (c.type) {
		case 'session.end':
			return { session: null }; // [R5]
		case 'speaker.set': // [R6]
			return { session: { ...s, speaker: { name: c.name, permission: PERMISSION.unasked, since: ctx.now } } };
		case 'speaker.clear':
			if (!s.speaker) return no(ERROR_CODE.noSpeaker, 'Nobody is speaking.');
			return { session: { ...s, speaker: null } };
		case 'feedback.set': // [R7]
			if (!s.speaker) return no(ERROR_CODE.noSpeaker, 'Nobody is speaking, so there is nobody to ask.');
			return { session: { ...s, speaker: { ...s.speaker, permission: c.permission } } };
		case 'queue.add': // [R9]
			if (s.queue.length >= LIMITS.QUEUE_MAX)
				return no(ERROR_CODE.full, `The queue holds at most ${LIMITS.QUEUE_MAX} people.`);
			return { session: { ...s, queue: [...s.queue, { id: `q${ctx.version}`, name: c.name }] } };
		case 'queue.move': {
			const from = s.queue.findIndex((e) => e.id === c.entryId);
			if (from < 0) return no(ERROR_CODE.notFound, 'That person is no longer in the queue.');
			return { session: { ...s, queue: moveWithin(s.queue, from, c.toIndex) } }; // [R10]
		}
		case 'queue.remove': {
			if (!s.queue.some((e) => e.id === c.entryId))
				return no(ERROR_CODE.notFound, 'That person is no longer in the queue.');
			return { session: { ...s, queue: s.queue.filter((e) => e.id !== c.entryId) } };
		}
		case 'queue.next': {
			const [first, ...rest] = s.queue; // [R12]
			if (!first) return no(ERROR_CODE.queueEmpty, 'Nobody is waiting in the queue.');
			return {
				session: { ...s, queue: rest, speaker: { name: first.name, permission: PERMISSION.unasked, since: ctx.now } }
			};
		}
		case 'board.setTitle':
			return withBoard(s, { ...s.board, title: c.title });
		case 'board.setHeading':
			return withBoard(s, { ...s.board, headings: { ...s.board.headings, [c.column]: c.text } });
		case 'board.addItem': {
			const items = s.board.columns[c.column]; // [R14]
			if (items.length >= LIMITS.COLUMN_MAX_ITEMS)
				return no(ERROR_CODE.full, `A column holds at most ${LIMITS.COLUMN_MAX_ITEMS} items.`);
			return withColumns(s, { [c.column]: [...items, { id: `b${ctx.version}`, text: c.text }] });
		}
		case 'board.editItem': {
			const at = findItem(s.board, c.itemId); // [R15]
			if (!at) return no(ERROR_CODE.notFound, 'That item is no longer on the board.');
			const items = s.board.columns[at.column].map((it) => (it.id === c.itemId ? { ...it, text: c.text } : it));
			return withColumns(s, { [at.column]: items });
		}
		case 'board.moveItem': {
			const at = findItem(s.board, c.itemId);
			if (!at) return no(ERROR_CODE.notFound, 'That item is no longer on the board.');
			if (at.column === c.column)
				return withColumns(s, { [c.column]: moveWithin(s.board.columns[c.column], at.index, c.toIndex) });
			const target = s.board.columns[c.column];
			if (target.length >= LIMITS.COLUMN_MAX_ITEMS)
				return no(ERROR_CODE.full, `A column holds at most ${LIMITS.COLUMN_MAX_ITEMS} items.`);
			const item = s.board.columns[at.column][at.index];
			const to = Math.min(c.toIndex, target.length);
			return withColumns(s, {
				[at.column]: s.board.columns[at.column].filter((it) => it.id !== c.itemId),
				[c.column]: [...target.slice(0, to), item, ...target.slice(to)]
			});
		}
		case 'board.removeItem': {
			const at = findItem(s.board, c.itemId);
			if (!at) return no(ERROR_CODE.notFound, 'That item is no longer on the board.');
			return withColumns(s, { [at.column]: s.board.columns[at.column].filter((it) => it.id !== c.itemId) });
		}
		case 'board.clear': // [R16]
			return withBoard(s, { ...s.board, title: '', columns: { left: [], right: [] } });
		default:
			return assertNever(c);
	}
}

function withBoard(s: Session, board: Board): SessionResult {
	return { session: { ...s, board } };
}

function withColumns(s: Session, columns: Partial<Record<Column, BoardItem[]>>): SessionResult {
	return withBoard(s, { ...s.board, columns: { ...s.board.columns, ...columns } });
}

function findItem(board: Board, itemId: string): { column: Column; index: number } | null {
	for (const column of ['left', 'right'] as const) {
		const index = board.columns[column].findIndex((it) => it.id === itemId);
		if (index >= 0) return { column, index };
	}
	return null;
}

/** [R10] A position past the end means "last". */
function moveWithin<T>(list: readonly T[], from: number, toIndex: number): T[] {
	const rest = list.filter((_, i) => i !== from);
	const to = Math.min(toIndex, rest.length);
	return [...rest.slice(0, to), list[from], ...rest.slice(to)];
}

function assertNever(value: never): never {
	throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
