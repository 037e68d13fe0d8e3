import type { ErrorCode, ProtocolError, RoomState, Session } from '../protocol/protocol.ts';

export type ApplyResult = { ok: true; state: RoomState } | { ok: false; error: ProtocolError };
export type SessionResult = { ok: true; session: Session } | { ok: false; error: ProtocolError };

/** What one command may read besides the state: the version it will produce, and the time. */
export interface Step {
	version: number;
	now: number;
}

export const refuse = (code: ErrorCode, message: string) => ({ ok: false, error: { code, message } }) as const;

export const withSession = (session: Session): SessionResult => ({ ok: true, session });

/** [R10] Moves `list[from]` so that it ends up at `toIndex`; past the end means last. */
export function moveWithin<T>(list: readonly T[], from: number, toIndex: number): T[] {
	const rest = list.filter((_, i) => i !== from);
	return insertAt(rest, toIndex, list[from]);
}

/** Inserts at `index`, or last when `index` is past the end. */
export function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
	const at = Math.min(index, list.length);
	return [...list.slice(0, at), value, ...list.slice(at)];
}

export function assertNever(value: never): never {
	throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
