/** The authoritative snapshot a client receives in every `state` event. */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When the group meets. See src/lib/room/schedule.ts for what is derived from it. */
export interface Schedule {
	days: Weekday[];
	/** Wall-clock "HH:MM" (24 h) in `timeZone`. */
	start: string;
	end: string;
	/** IANA name, e.g. "America/Los_Angeles". */
	timeZone: string;
}

export const COLUMN = { left: 'left', right: 'right' } as const;
export type Column = (typeof COLUMN)[keyof typeof COLUMN];
export const COLUMNS: readonly Column[] = [COLUMN.left, COLUMN.right];

export const PERMISSION = { unasked: 'unasked', granted: 'granted', declined: 'declined' } as const;
export type Permission = (typeof PERMISSION)[keyof typeof PERMISSION];
export const PERMISSIONS: readonly Permission[] = [PERMISSION.unasked, PERMISSION.granted, PERMISSION.declined];

export const ROLE = { facilitator: 'facilitator', display: 'display' } as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];

export interface Speaker {
	name: string;
	permission: Permission;
	/** ms since epoch when this person became the speaker. */
	since: number;
}

export interface QueueEntry {
	id: string;
	name: string;
}

export interface BoardItem {
	id: string;
	text: string;
	/** A draft is staged on the desk and seen only by facilitators until it is shown. */
	draft: boolean;
}

/** Heading pairs from motivational interviewing; each screen words them in its own language. */
export const BOARD_PRESET = { balance: 'balance', change: 'change' } as const;
export type BoardPreset = (typeof BOARD_PRESET)[keyof typeof BOARD_PRESET];
export const BOARD_PRESETS: readonly BoardPreset[] = [BOARD_PRESET.balance, BOARD_PRESET.change];

export interface Board {
	/** Empty string: no title yet. */
	title: string;
	/** Which default headings a `null` heading stands for: "Good things / Not-so-good things" or
	 * "Reasons to keep things as they are / Reasons to change". */
	preset: BoardPreset;
	/** `null`: the preset's heading, which each screen shows in its own language. */
	headings: Record<Column, string | null>;
	/** A hidden column is not sent to displays for a while. */
	hidden: Record<Column, boolean>;
	columns: Record<Column, BoardItem[]>;
	/** On the wall: displays are sent the board only while this is true (`board.show`). */
	shown: boolean;
	/**
	 * [R52] The speaker changed while the board was on the wall: it is off the wall until a facilitator
	 * keeps it (`board.show {on: true}`) or clears it. Facilitators are asked; displays never see it.
	 */
	held: boolean;
}

/** A topic: in the session's parking lot, or asked for next time (kept across sessions). */
export interface Topic {
	id: string;
	text: string;
}

/** Anonymous counts: never a name. */
export interface Headcount {
	/** People in the room now. */
	here: number;
	/** Most people in the room at once. */
	peak: number;
	/** Every arrival, counting someone who left and came back again. */
	arrivals: number;
}

/** What a removal or a clear took away, kept a few seconds so a facilitator can undo it. */
export type TrashEntry = { id: string; at: number } & (
	| { kind: 'queue'; index: number; entry: QueueEntry }
	| { kind: 'item'; column: Column; index: number; item: BoardItem }
	| { kind: 'parkingLot'; index: number; topic: Topic }
	| { kind: 'board'; title: string; columns: Record<Column, BoardItem[]>; shown: boolean; held: boolean }
);

/** One meeting. Everything in it is wiped when it ends. */
export interface Session {
	id: string;
	startedAt: number;
	speaker: Speaker | null;
	queue: QueueEntry[];
	board: Board;
	headcount: Headcount;
	parkingLot: Topic[];
	/** The privacy screen: every display shows the neutral welcome while it is on. */
	privacy: boolean;
	/** The display shows the group's agreements (true when the session opens, until the first speaker). */
	agreementsShown: boolean;
	/** Facilitators only: recent removals that can still be undone. */
	trash: TrashEntry[];
}

export const LANGUAGE = { en: 'en', es: 'es', bilingual: 'en+es' } as const;
export type Language = (typeof LANGUAGE)[keyof typeof LANGUAGE];
export const LANGUAGES: readonly Language[] = [LANGUAGE.en, LANGUAGE.es, LANGUAGE.bilingual];

/** The counts a facilitator reports to funders after a session. Nothing else of it is kept. */
export interface SessionSummary {
	startedAt: number;
	endedAt: number;
	peak: number;
	arrivals: number;
	/** Still in the room when it ended. */
	here: number;
}

/** [R53] One past session's counts, kept for the funders' report: never a name or a word. */
export interface SessionRecord extends SessionSummary {
	id: string;
}

/** The recurring group: kept across sessions. Nothing in it identifies a member. */
export interface GroupInfo {
	/** As shown on the projector; may be neutral ("Wednesday group"). */
	name: string;
	schedule: Schedule | null;
	/** What the facilitator reads to open each session; `null`: the default words. */
	openingWords: string | null;
	/** The few agreements the display shows; `null`: the default ones. */
	agreements: string[] | null;
	/** The display's language; remotes and desks choose their own. */
	language: Language;
	/** Topics members asked for next time. */
	topics: Topic[];
	/** Facilitators only: the counts of the last session that ended (also the newest of `records`). */
	lastSession: SessionRecord | null;
	/**
	 * [R53] The counts of every past session within the retention, oldest first. Stored with the group
	 * but never in a snapshot (every snapshot carries `[]`): facilitators ask for them with the
	 * `records` request, displays never get them.
	 */
	records: SessionRecord[];
}

/** A device that may open the group: shown to facilitators so they can name and revoke it. */
export interface Device {
	id: string;
	role: Role;
	/** "Room 3 projector", "Anna's phone": never a member's name. */
	label: string;
	createdAt: number;
	/** An invited facilitator device's X25519 public key (base64url) while it waits for the group key. */
	publicKey: string | null;
	/** The group key wrapped for `publicKey` by a facilitator device that has it (`w1.` value). */
	wrappedKey: string | null;
}

/** A facilitator invite waiting to be redeemed. Its code is shown only on the inviting device. */
export interface PendingInvite {
	id: string;
	label: string;
	expiresAt: number;
}

export interface RoomState {
	protocol: number;
	groupId: string;
	/** Rises by exactly one with every accepted change. Clients ignore anything older than they hold. */
	version: number;
	group: GroupInfo;
	session: Session | null;
	/** Facilitators only (a display is sent an empty list). */
	devices: Device[];
	/** Facilitators only. */
	invites: PendingInvite[];
}
