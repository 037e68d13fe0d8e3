/**
 * The embedded store, the default without REDIS_URL: every group in this process's memory and in a
 * file of its own on disk (`<DATA_DIR>/groups/<groupId>.json`), so a write is one small file (a few
 * KB) however many groups there are. A change is acknowledged only once its file is written and
 * fsynced (data-dir.ts); until then nobody reads it, and a failed write changes nothing and answers
 * `unavailable`, as a Redis outage does. Commands for one group are applied one at a time.
 *
 * Expiry as in Redis: a group nobody changes for GROUP_TTL_S and a session nobody changes for
 * SESSION_TTL_S are removed, from memory and from disk, at start and by a sweep while running. An
 * ended or expired session is gone from the group's file once its next version replaces it.
 */
import type { Session } from '../../src/lib/protocol/protocol.ts';
import { upgradeState } from '../../src/lib/room/room.upgrade.ts';
import type { Logger } from '../log.ts';
import type { DataDir } from './data-dir.ts';
import {
	DEFAULT_TTLS,
	KeyedQueue,
	STORE_KIND,
	StoreUnavailableError,
	type Change,
	type RoomStore,
	type StoreTtls,
	type StoredRoom,
	type UpdateOutcome
} from './room-store.ts';

/** One group's file. `format` changes only with a migration. */
interface GroupFile {
	format: 1;
	room: StoredRoom;
	groupExpiresAt: number;
	/** null: no session. */
	sessionExpiresAt: number | null;
}

type Entry = Omit<GroupFile, 'format'>;

export interface EmbeddedStoreOptions extends Partial<StoreTtls> {
	now?: () => number;
	/** How often expired groups and sessions are looked for while running. */
	sweepMs?: number;
	log?: Logger;
}

export interface EmbeddedStore extends RoomStore {
	/** How many groups it holds. */
	size(): number;
}

const SWEEP_MS = 10_000;
/** Written and removed by a health check after a failed write, to see whether writing works again. */
const PROBE = 'groups/probe';
const fileOf = (groupId: string) => {
	// ids are made by the server (base64url); this also keeps any other string out of the path
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(groupId)) throw new Error('not a group id');
	return `groups/${groupId}.json`;
};

export async function openEmbeddedStore(dir: DataDir, options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
	const ttl = { ...DEFAULT_TTLS, ...options };
	const now = options.now ?? Date.now;
	const entries = new Map<string, Entry>();
	const queue = new KeyedQueue();
	const inFlight = new Set<Promise<unknown>>();
	/** Set when a write failed (a full disk, a read-only remount): /healthz says so until one succeeds. */
	let failing = false;

	for (const name of await dir.list('groups')) {
		if (!name.endsWith('.json')) continue;
		const groupId = name.replace(/\.json$/, '');
		const text = await dir.read(`groups/${name}`);
		try {
			const file = JSON.parse(text ?? '') as GroupFile;
			if (file.format !== 1 || file.room.state.groupId !== groupId) throw new Error('not a group file');
			file.room.state = upgradeState(file.room.state);
			entries.set(groupId, { room: file.room, groupExpiresAt: file.groupExpiresAt, sessionExpiresAt: file.sessionExpiresAt });
		} catch {
			// Left where it is for the operator: never deleted on a guess. Renames are atomic, so this
			// is not a torn write of ours but a file damaged or put there by something else.
			options.log?.error('store.unreadable_file', { groupId });
		}
	}
	for (const groupId of entries.keys()) await expire(groupId);

	/** What of a group is past its TTL at `t`: the whole group, its session, or nothing. */
	function due(entry: Entry, t: number): 'group' | 'session' | null {
		return t >= entry.groupExpiresAt ? 'group' : entry.sessionExpiresAt !== null && t >= entry.sessionExpiresAt ? 'session' : null;
	}

	/** Removes what has expired of a group, from disk first. */
	async function expire(groupId: string): Promise<void> {
		const entry = entries.get(groupId);
		if (!entry) return;
		const expired = due(entry, now());
		if (expired === 'group') {
			await dir.remove(fileOf(groupId));
			entries.delete(groupId);
		} else if (expired === 'session') {
			const next = { ...entry, room: { ...entry.room, state: { ...entry.room.state, session: null } }, sessionExpiresAt: null };
			await persist(next);
			entries.set(groupId, next);
		}
	}

	async function persist(entry: Entry): Promise<void> {
		const file: GroupFile = { format: 1, ...entry };
		try {
			await dir.write(fileOf(entry.room.state.groupId), JSON.stringify(file));
			failing = false;
		} catch (error) {
			failing = true;
			throw new StoreUnavailableError(error);
		}
	}

	/** The room as a reader may see it: what has expired is already gone. */
	function read(groupId: string): StoredRoom | null {
		const entry = entries.get(groupId);
		if (!entry) return null;
		const t = now();
		if (t >= entry.groupExpiresAt) return null;
		if (entry.sessionExpiresAt !== null && t >= entry.sessionExpiresAt) return { ...entry.room, state: { ...entry.room.state, session: null } };
		return entry.room;
	}

	function entryFor(room: StoredRoom): Entry {
		const t = now();
		const session: Session | null = room.state.session;
		return { room, groupExpiresAt: t + ttl.groupTtlS * 1000, sessionExpiresAt: session ? t + ttl.sessionTtlS * 1000 : null };
	}

	/** Runs `task` in the group's turn, and lets `close` wait for it. */
	function inTurn<T>(groupId: string, task: () => Promise<T>): Promise<T> {
		const run = queue.run(groupId, task);
		const tracked = run.catch(() => {});
		inFlight.add(tracked);
		void tracked.then(() => inFlight.delete(tracked));
		return run;
	}

	// only a group with something past its TTL waits for its turn (where expire() looks again)
	const sweep = setInterval(() => {
		const t = now();
		for (const [groupId, entry] of entries) if (due(entry, t)) void inTurn(groupId, () => expire(groupId)).catch(() => {}); // tried again next sweep
	}, options.sweepMs ?? SWEEP_MS);
	sweep.unref();

	return {
		kind: STORE_KIND.embedded,
		size: () => entries.size,
		create(room) {
			const groupId = room.state.groupId;
			return inTurn(groupId, async () => {
				if (read(groupId)) throw new Error('group id already exists');
				const entry = entryFor(room);
				await persist(entry);
				entries.set(groupId, entry);
			});
		},
		async load(groupId) {
			return read(groupId);
		},
		update<T>(groupId: string, change: (room: StoredRoom) => Change<T>): Promise<UpdateOutcome<T>> {
			return inTurn(groupId, async () => {
				const room = read(groupId);
				if (!room) return { found: false };
				const { next, result } = change(room);
				if (!next) return { found: true, result, room };
				const entry = entryFor(next);
				await persist(entry);
				entries.set(groupId, entry);
				return { found: true, result, room: next };
			});
		},
		async ping() {
			if (!failing) return true;
			try {
				await dir.write(PROBE, '');
				await dir.remove(PROBE);
				failing = false;
			} catch {
				// still failing
			}
			return !failing;
		},
		async close() {
			clearInterval(sweep);
			await Promise.all(inFlight);
			entries.clear();
		}
	};
}
