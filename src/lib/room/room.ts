/**
 * The room's rules, as one pure function. No Socket.IO, Redis, Svelte or clock in here: time comes
 * in through the context. Rule IDs (R…) refer to docs/room-spec.md.
 */
import {
	BOARD_COMMANDS,
	BOARD_PRESET,
	DEVICE_COMMANDS,
	ERROR_CODE,
	GROUP_COMMANDS,
	LANGUAGE,
	LIMITS,
	PROTOCOL_VERSION,
	ROLE,
	type Board,
	type Command,
	type CommandOf,
	type CommandType,
	type Role,
	type RoomState,
	type Session
} from '../protocol/protocol.ts';
import { applyBoardCommand, type BoardCommand } from './room.board.ts';
import { applyDeviceCommand, type DeviceCommand, type DeviceGrant } from './room.devices.ts';
import { applyGroupCommand, type GroupCommand } from './room.group.ts';
import { applySessionCommand } from './room.session.ts';
import { pruneTrash } from './room.undo.ts';
import { RECORDS_RETENTION_MS, withinRetention } from './room.records.ts';
import { refuse, type ApplyResult, type Step } from './room.result.ts';

export type { ApplyResult } from './room.result.ts';

export interface CommandContext extends DeviceGrant {
	/** ms since epoch, from the server's clock. */
	now: number;
	/** [R53] How long past sessions' counts are kept; the operator sets it (default 13 months). */
	recordsRetentionMs?: number;
}

export function createRoomState(groupId: string, groupName: string): RoomState {
	return {
		protocol: PROTOCOL_VERSION,
		groupId,
		version: 1,
		group: {
			name: groupName,
			schedule: null,
			openingWords: null,
			agreements: null,
			language: LANGUAGE.en,
			topics: [],
			lastSession: null,
			records: []
		},
		session: null,
		devices: [],
		invites: []
	};
}

export function emptyBoard(): Board {
	return {
		title: '',
		preset: BOARD_PRESET.balance,
		headings: { left: null, right: null },
		hidden: { left: false, right: false },
		columns: { left: [], right: [] },
		shown: true,
		held: false
	};
}

/** [R2] Which commands a role may send. A display sends none. */
export function canSend(role: Role, _type: CommandType): boolean {
	return role === ROLE.facilitator;
}

const isGroupCommand = (c: Command): c is GroupCommand => Object.hasOwn(GROUP_COMMANDS, c.type);
const isBoardCommand = (c: Command): c is BoardCommand => Object.hasOwn(BOARD_COMMANDS, c.type);
const isDeviceCommand = (c: Command): c is DeviceCommand => Object.hasOwn(DEVICE_COMMANDS, c.type);

/**
 * Applies one command. [R1] On success the version rises by exactly one; on refusal nothing changes.
 * Never throws for a command that passed `parseCommand`.
 */
export function applyCommand(state: RoomState, command: Command, ctx: CommandContext): ApplyResult {
	const step: Step = { version: state.version + 1, now: ctx.now };
	const next = dispatch(state, command, step, ctx);
	if (!next.ok) return next;
	const group = withinRetention(next.state.group, ctx.now, ctx.recordsRetentionMs ?? RECORDS_RETENTION_MS);
	return { ok: true, state: { ...next.state, group, version: step.version } };
}

function dispatch(state: RoomState, command: Command, step: Step, grant: DeviceGrant): ApplyResult {
	if (isGroupCommand(command)) return applyGroupCommand(state, command, step); // [R29]
	if (isDeviceCommand(command)) return applyDeviceCommand(state, command, step, grant);
	if (command.type === 'session.start') {
		if (state.session) return refuse(ERROR_CODE.sessionActive, 'A session is already running.'); // [R3]
		return { ok: true, state: { ...state, session: newSession(step) } };
	}
	const session = state.session;
	if (!session) return refuse(ERROR_CODE.noSession, 'No session is running. Start one first.'); // [R4]
	const current: Session = { ...session, trash: pruneTrash(session.trash, step.now) };
	if (command.type === 'session.end') return endSession(state, current, command.carry ?? [], step);
	const next = isBoardCommand(command)
		? applyBoardCommand(current, command, step)
		: applySessionCommand(current, command as Exclude<Command, BoardCommand | GroupCommand | DeviceCommand | CommandOf<'session.start' | 'session.end'>>, step);
	if (!next.ok) return next;
	return { ok: true, state: { ...state, session: next.session } };
}

function newSession(step: Step): Session {
	return {
		id: `s${step.version}`,
		startedAt: step.now,
		speaker: null,
		queue: [],
		board: emptyBoard(),
		headcount: { here: 0, peak: 0, arrivals: 0 },
		parkingLot: [],
		privacy: false,
		agreementsShown: true, // [R35] the group begins the same way each time
		trash: []
	};
}

/**
 * [R5][R30] Everything of the session is wiped; only its counts are kept, for the facilitators, as the
 * last session and in the records [R53]; [R54] the parked topics a facilitator chose become topics for
 * next time.
 */
function endSession(state: RoomState, session: Session, carry: readonly string[], step: Step): ApplyResult {
	const chosen = new Set(carry);
	const carried = session.parkingLot.filter((topic) => chosen.has(topic.id));
	if (carried.length !== chosen.size) return refuse(ERROR_CODE.notFound, 'A topic chosen to keep is no longer in the parking lot.'); // [R11]
	const topics = [...state.group.topics, ...carried];
	if (topics.length > LIMITS.TOPICS_MAX)
		return refuse(ERROR_CODE.full, `At most ${LIMITS.TOPICS_MAX} topics can wait for next time: keep fewer, or remove some first.`);
	const { here, peak, arrivals } = session.headcount;
	const lastSession = { id: `r${step.version}`, startedAt: session.startedAt, endedAt: step.now, here, peak, arrivals };
	const records = [...state.group.records, lastSession].slice(-LIMITS.RECORDS_MAX);
	return { ok: true, state: { ...state, group: { ...state.group, lastSession, records, topics: carried.length > 0 ? topics : state.group.topics }, session: null } };
}
