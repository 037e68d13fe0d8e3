/**
 * Where groups and sessions live. Two implementations pass one contract suite
 * (tests/store/room-store.contract.ts): Redis, and the embedded store (this process's memory, written
 * through to files in DATA_DIR) that runs without one.
 */
import type { RoomState } from '../../src/lib/protocol/protocol.ts';

/** How many accepted command ids a group remembers, for answering retries [R18]. */
export const DEDUPE_WINDOW = 100;

/**
 * A command id the group accepted, with the version that accepting it produced and what else its ack
 * carried (the pairing's public key, the invite code sealed for the inviting device), so a retry is
 * answered with the whole first ack [R18].
 */
export type RecentCommand = [commandId: string, version: number, ack?: AckExtra];

/** The fields an ack carries besides `ok` and `version`, as stored: JSON, nothing readable that is secret. */
export type AckExtra = Record<string, unknown>;

/** Everything the store keeps for a group. `state.session` is kept apart and expires on its own. */
export interface StoredRoom {
	state: RoomState;
	/** deviceId → SHA-256 of its credential (base64url). The credential itself is never stored. */
	keys: Record<string, string>;
	recent: RecentCommand[];
}

/** What a change function asks the store to do: write `next` (or nothing) and hand back `result`. */
export interface Change<T> {
	next: StoredRoom | null;
	result: T;
}

export type UpdateOutcome<T> = { found: true; result: T; room: StoredRoom } | { found: false };

export const STORE_KIND = { embedded: 'embedded', redis: 'redis' } as const;
type StoreKind = (typeof STORE_KIND)[keyof typeof STORE_KIND];

export interface RoomStore {
	readonly kind: StoreKind;
	/** Stores a new group. Throws if `groupId` is taken. */
	create(room: StoredRoom): Promise<void>;
	/** The group as stored now (not a cached copy), or null if it does not exist. */
	load(groupId: string): Promise<StoredRoom | null>;
	/**
	 * Runs `change` on the current room and writes its `next` atomically: commands for one group are
	 * applied one at a time, and a write never overwrites a version it did not read. `change` must be
	 * pure: it may run again after a conflict with another server node.
	 */
	update<T>(groupId: string, change: (room: StoredRoom) => Change<T>): Promise<UpdateOutcome<T>>;
	/** Whether the store answers right now (for /healthz). */
	ping(): Promise<boolean>;
	close(): Promise<void>;
}

/** Thrown when the backing store cannot be reached. Nothing was written. */
export class StoreUnavailableError extends Error {
	constructor(cause?: unknown) {
		super('The room store is unavailable.', { cause });
		this.name = 'StoreUnavailableError';
	}
}

export interface StoreTtls {
	/** A group nobody uses is forgotten after this long (renewed by every write). */
	groupTtlS: number;
	/** A session nobody ends is wiped this long after its last change. */
	sessionTtlS: number;
}

export const DEFAULT_TTLS: StoreTtls = {
	groupTtlS: 180 * 24 * 3600,
	sessionTtlS: 6 * 3600
};

/** Runs tasks one at a time per key, in arrival order. */
export class KeyedQueue {
	#tails = new Map<string, Promise<unknown>>();

	run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const tail = this.#tails.get(key) ?? Promise.resolve();
		const result = tail.then(task, task);
		const settled = result.then(
			() => undefined,
			() => undefined
		);
		this.#tails.set(key, settled);
		void settled.then(() => {
			if (this.#tails.get(key) === settled) this.#tails.delete(key);
		});
		return result;
	}
}
