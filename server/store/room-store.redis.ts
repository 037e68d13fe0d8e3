/**
 * The Redis store. Per group: a hash `<prefix>:g:{id}` (fields `ver`, `doc`: the group, its devices
 * and recent command ids) and a string `<prefix>:s:{id}` (the running session). Both carry a TTL that
 * every write renews; the session's is short, so a session nobody ends goes away on its own.
 *
 * One round trip per command in the common case: the node that serves a group caches it, applies the
 * group's commands one at a time, and writes with a compare-and-set script on the version. When
 * another node wrote first, the script answers with the current room and the change runs again.
 * A refusal judged on the cached copy is judged again on a fresh read before it is answered.
 */
import type { Session } from '../../src/lib/protocol/protocol.ts';
import type { RedisConnection } from '../redis.ts';
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

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'ver', ARGV[1], 'doc', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

// ARGV: expected ver, expected session present (1/0), new ver, doc, session json ('' = none), group ttl, session ttl
const COMPARE_AND_SET = `
local ver = redis.call('HGET', KEYS[1], 'ver')
if not ver then return {-1} end
if ver ~= ARGV[1] or redis.call('EXISTS', KEYS[2]) ~= tonumber(ARGV[2]) then
  return {0, redis.call('HGET', KEYS[1], 'doc'), redis.call('GET', KEYS[2]) or ''}
end
redis.call('HSET', KEYS[1], 'ver', ARGV[3], 'doc', ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[6])
if ARGV[5] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[7]) end
return {1}`;

const MAX_CONFLICT_RETRIES = 8;
const CACHE_MAX_GROUPS = 10_000;

export interface RedisStoreOptions extends Partial<StoreTtls> {
	/** Every key starts with `<prefix>:`, so several deployments or test runs can share one Redis. */
	prefix?: string;
}

export function createRedisStore(redis: RedisConnection, options: RedisStoreOptions = {}): RoomStore {
	const ttl = { ...DEFAULT_TTLS, ...options };
	const prefix = options.prefix ?? 'rc';
	const groupKey = (id: string) => `${prefix}:g:{${id}}`;
	const sessionKey = (id: string) => `${prefix}:s:{${id}}`;
	const cache = new Map<string, StoredRoom>();
	const queue = new KeyedQueue();

	function remember(room: StoredRoom | null, groupId: string) {
		cache.delete(groupId); // re-insert: Map order is our LRU order
		if (!room) return;
		cache.set(groupId, room);
		if (cache.size > CACHE_MAX_GROUPS) cache.delete(cache.keys().next().value as string);
	}

	async function call<T>(fn: () => Promise<T>, groupId: string): Promise<T> {
		try {
			return await fn();
		} catch (error) {
			cache.delete(groupId); // a write may or may not have happened: read afresh next time
			throw new StoreUnavailableError(error);
		}
	}

	async function fetch(groupId: string): Promise<StoredRoom | null> {
		const [doc, session] = (await call(
			() => redis.multi().hGet(groupKey(groupId), 'doc').get(sessionKey(groupId)).exec(),
			groupId
		)) as unknown as [string | null, string | null];
		const room = decode(doc, session);
		remember(room, groupId);
		return room;
	}

	return {
		kind: STORE_KIND.redis,
		async create(room) {
			const { doc } = encode(room);
			const created = await call(
				() =>
					redis.eval(CREATE, {
						keys: [groupKey(room.state.groupId)],
						arguments: [String(room.state.version), doc, String(ttl.groupTtlS)]
					}),
				room.state.groupId
			);
			if (created !== 1) throw new Error('group id already exists');
		},
		load: (groupId) => queue.run(groupId, () => fetch(groupId)),
		update<T>(groupId: string, change: (room: StoredRoom) => Change<T>): Promise<UpdateOutcome<T>> {
			return queue.run(groupId, async () => {
				let room: StoredRoom | null = cache.get(groupId) ?? null;
				let fresh = !room;
				if (!room) room = await fetch(groupId);
				for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
					if (!room) return { found: false };
					const { next, result } = change(room);
					if (!next) {
						if (fresh) return { found: true, result, room };
						// A refusal judged on a cached copy may be out of date (another node may have
						// moved on): judge it again on what Redis holds now. Accepted commands need no
						// such read: the compare-and-set below catches a stale copy.
						room = await fetch(groupId);
						fresh = true;
						continue;
					}
					const { doc, session } = encode(next);
					const reply = (await call(
						() =>
							redis.eval(COMPARE_AND_SET, {
								keys: [groupKey(groupId), sessionKey(groupId)],
								arguments: [
									String(room!.state.version),
									room!.state.session ? '1' : '0',
									String(next.state.version),
									doc,
									session,
									String(ttl.groupTtlS),
									String(ttl.sessionTtlS)
								]
							}),
						groupId
					)) as [number, string?, string?];
					if (reply[0] === 1) {
						remember(next, groupId);
						return { found: true, result, room: next };
					}
					room = reply[0] === -1 ? null : decode(reply[1] ?? null, reply[2] || null);
					fresh = true;
					remember(room, groupId);
				}
				throw new StoreUnavailableError(new Error('too many write conflicts'));
			});
		},
		async ping() {
			try {
				return (await redis.ping()) === 'PONG';
			} catch {
				return false; // offline queue is off: this fails at once while Redis is away
			}
		},
		async close() {
			cache.clear();
		}
	};
}

function encode(room: StoredRoom): { doc: string; session: string } {
	const { session, ...state } = room.state;
	return { doc: JSON.stringify({ ...room, state }), session: session ? JSON.stringify(session) : '' };
}

function decode(doc: string | null, session: string | null): StoredRoom | null {
	if (!doc) return null;
	const room = JSON.parse(doc) as StoredRoom;
	room.state.session = session ? (JSON.parse(session) as Session) : null;
	return room;
}
