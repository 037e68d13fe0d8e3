/** The authoritative snapshot a client receives in every `state` event. */

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
}

export interface Board {
	/** Empty string: no title yet. */
	title: string;
	/** `null`: the default heading, which each screen shows in its own language. */
	headings: Record<Column, string | null>;
	columns: Record<Column, BoardItem[]>;
}

/** One meeting. Everything in it is wiped when it ends. */
export interface Session {
	id: string;
	startedAt: number;
	speaker: Speaker | null;
	queue: QueueEntry[];
	board: Board;
}

export interface GroupInfo {
	name: string;
}

export interface RoomState {
	protocol: number;
	groupId: string;
	/** Rises by exactly one with every accepted change. Clients ignore anything older than they hold. */
	version: number;
	group: GroupInfo;
	session: Session | null;
}
