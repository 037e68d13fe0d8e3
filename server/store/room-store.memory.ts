/** The embedded store: state kept in this process. Lost when the process stops. */
import type { Session } from '../../src/lib/protocol/protocol.ts';
import { DEFAULT_TTLS, KeyedQueue, STORE_KIND, type Change, type RoomStore, type StoreTtls, type StoredRoom, type UpdateOutcome } from './room-store.ts';

interface Entry {
	room: Omit<StoredRoom, 'state'> & { state: Omit<StoredRoom['state'], 'session'> };
	session: Session | null;
	groupExpiresAt: number;
	sessionExpiresAt: number;
}

export interface MemoryStoreOptions extends Partial<StoreTtls> {
	now?: () => number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): RoomStore {
	const ttl = { ...DEFAULT_TTLS, ...options };
	const now = options.now ?? Date.now;
	const entries = new Map<string, Entry>();
	const queue = new KeyedQueue();
	// Expired entries are dropped when read and by a sweep, so an idle process does not keep them.
	const sweep = setInterval(() => {
		for (const id of entries.keys()) read(id);
	}, 60_000);
	sweep.unref();

	function read(groupId: string): StoredRoom | null {
		const entry = entries.get(groupId);
		if (!entry) return null;
		const t = now();
		if (t >= entry.groupExpiresAt) {
			entries.delete(groupId);
			return null;
		}
		if (entry.session && t >= entry.sessionExpiresAt) entry.session = null;
		return { ...entry.room, state: { ...entry.room.state, session: entry.session } };
	}

	function write(room: StoredRoom) {
		const { session, ...state } = room.state;
		const t = now();
		entries.set(room.state.groupId, {
			room: { ...room, state },
			session,
			groupExpiresAt: t + ttl.groupTtlS * 1000,
			sessionExpiresAt: t + ttl.sessionTtlS * 1000
		});
	}

	return {
		kind: STORE_KIND.embedded,
		async create(room) {
			if (read(room.state.groupId)) throw new Error('group id already exists');
			write(room);
		},
		async load(groupId) {
			return read(groupId);
		},
		update<T>(groupId: string, change: (room: StoredRoom) => Change<T>): Promise<UpdateOutcome<T>> {
			return queue.run(groupId, async () => {
				const room = read(groupId);
				if (!room) return { found: false };
				const { next, result } = change(room);
				if (next) write(next);
				return { found: true, result, room: next ?? room };
			});
		},
		async ping() {
			return true;
		},
		async close() {
			clearInterval(sweep);
			entries.clear();
		}
	};
}
