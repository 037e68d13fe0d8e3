/**
 * The Redis store. Per group: a hash `<prefix>:g:{id}` (fields `ver`, and `doc`: the group, its
 * devices and credential hashes), a string `<prefix>:s:{id}` (the running session) and a list
 * `<prefix>:r:{id}` (the last command ids and the versions they made, for answering retries). All
 * carry a TTL that every write renews; the session's is short, so a session nobody ends goes away.
 *
 * One round trip per command in the common case: the node that serves a group caches it, applies the
 * group's commands one at a time, and writes with a compare-and-set script on the version. When
 * another node wrote first, the script answers with the current room and the change runs again.
 * A refusal judged on the cached copy is judged again on a fresh read before it is answered.
 * A write sends only what changed: most commands touch the session, so the group's doc stays put and
 * the command's id is pushed onto the list (issue 7: bytes to Redis per command).
 */
import { createHash } from 'node:crypto';
import { withDeadline } from '../deadline.ts';
import type { RedisConnection } from '../redis.ts';
import { changes, decode, encodeDoc } from './redis-doc.ts';
import { replication } from './redis-replicas.ts';
import {
	DEDUPE_WINDOW,
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

// KEYS: group hash, session, recent list.
// ARGV: expected ver, expected session present (1/0), new ver, doc ('' = unchanged),
// session (json; '' = none; '=' = unchanged), group ttl, session ttl, recent max,
// recent mode ('append' | 'replace'), then the recent entries to add.
const COMPARE_AND_SET = `
local ver = redis.call('HGET', KEYS[1], 'ver')
if not ver then return {-1} end
if ver ~= ARGV[1] or redis.call('EXISTS', KEYS[2]) ~= tonumber(ARGV[2]) then
  return {0, ver, redis.call('HGET', KEYS[1], 'doc'), redis.call('GET', KEYS[2]) or '', redis.call('LRANGE', KEYS[3], 0, -1)}
end
if ARGV[4] == '' then redis.call('HSET', KEYS[1], 'ver', ARGV[3]) else redis.call('HSET', KEYS[1], 'ver', ARGV[3], 'doc', ARGV[4]) end
redis.call('EXPIRE', KEYS[1], ARGV[6])
if ARGV[5] == '' then redis.call('DEL', KEYS[2])
elseif ARGV[5] == '=' then redis.call('EXPIRE', KEYS[2], ARGV[7])
else redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[7]) end
if ARGV[9] == 'replace' then redis.call('DEL', KEYS[3]) end
if #ARGV > 9 then
  redis.call('RPUSH', KEYS[3], unpack(ARGV, 10))
  redis.call('LTRIM', KEYS[3], -tonumber(ARGV[8]), -1)
end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[6]) end
return {1}`;

/** Scripts go by their SHA1 (EVALSHA): the script text is not sent, nor hashed by Redis, per command. */
const COMPARE_AND_SET_SHA = createHash('sha1').update(COMPARE_AND_SET).digest('hex');

/**
 * Another node writing the same group at the same moment makes a compare-and-set lose; it is tried
 * again at once on what won. A node sends one group's commands one after the other, so a run of
 * losses lasts at most as long as the other node's run of commands for that group (a few, in a room;
 * 20 in the contract test of two nodes on separate connections, where the winner's next write and
 * the loser's retry leave at the same moment).
 */
const MAX_CONFLICT_RETRIES = 32;
const CACHE_MAX_GROUPS = 10_000;

export interface RedisStoreOptions extends Partial<StoreTtls> {
	/** Every key starts with `<prefix>:`, so several deployments or test runs can share one Redis. */
	prefix?: string;
	/**
	 * A read or write unanswered after this long fails as "store unavailable" (the device keeps the
	 * command and sends it again). Timed here with one timer per call, so the connection itself can do
	 * without node-redis's per-command AbortSignal (issue 7's profile: it cost more than the write).
	 */
	timeoutMs?: number;
	/**
	 * [R80] A write is acknowledged only once this many replicas have it (`WAIT`, sent in the same
	 * pipeline as the write, so a command stays one round trip). 0: once the primary has it.
	 */
	minReplicas?: number;
	/** How long `WAIT` waits for the replicas; past it the command is refused as retryable. */
	replicaTimeoutMs?: number;
}

const STORE_TIMEOUT_MS = 5000;
const REPLICA_TIMEOUT_MS = 1000;

export function createRedisStore(redis: RedisConnection, options: RedisStoreOptions = {}): RoomStore {
	const ttl = { ...DEFAULT_TTLS, ...options };
	const prefix = options.prefix ?? 'rc';
	const timeoutMs = options.timeoutMs ?? STORE_TIMEOUT_MS;
	const minReplicas = options.minReplicas ?? 0;
	const replicaTimeoutMs = options.replicaTimeoutMs ?? REPLICA_TIMEOUT_MS;
	const groupKey = (id: string) => `${prefix}:g:{${id}}`;
	const sessionKey = (id: string) => `${prefix}:s:{${id}}`;
	const recentKey = (id: string) => `${prefix}:r:{${id}}`;
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
			return await withDeadline(fn(), timeoutMs);
		} catch (error) {
			// [R51] a write may or may not have happened (a stalled Redis may still run it): read
			// afresh next time; the device sends it again with the same id, which applies it once
			cache.delete(groupId);
			throw new StoreUnavailableError(error);
		}
	}

	const replicated = replication(redis, minReplicas, replicaTimeoutMs);

	/**
	 * An answer given without a write (a repeated command id answered from its record [R18], or a
	 * refusal) rests on what the primary holds; with replicas required, it is given only once they hold
	 * it too: a write on this connection now comes after it in the replication stream, and `WAIT`
	 * covers it (the group's TTL is renewed, which every write does anyway).
	 */
	function settled(groupId: string) {
		return replicated(() => redis.expire(groupKey(groupId), ttl.groupTtlS));
	}

	/** EVALSHA; a Redis that does not know the script yet (new, restarted, flushed, a replica just promoted) is sent it once. */
	async function compareAndSet(options: { keys: string[]; arguments: string[] }) {
		const wrote = (reply: unknown) => (reply as number[])[0] === 1;
		try {
			return await replicated(() => redis.evalSha(COMPARE_AND_SET_SHA, options), wrote);
		} catch (error) {
			if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
			return replicated(() => redis.eval(COMPARE_AND_SET, options), wrote);
		}
	}

	async function fetch(groupId: string): Promise<StoredRoom | null> {
		const [[ver, doc], session, recent] = (await call(
			() => redis.multi().hmGet(groupKey(groupId), ['ver', 'doc']).get(sessionKey(groupId)).lRange(recentKey(groupId), 0, -1).exec(),
			groupId
		)) as unknown as [[string | null, string | null], string | null, string[]];
		const room = decode(ver, doc, session, recent);
		remember(room, groupId);
		return room;
	}

	return {
		kind: STORE_KIND.redis,
		async create(room) {
			const doc = encodeDoc(room);
			const created = await call(
				() =>
					replicated(() =>
						redis.eval(CREATE, {
							keys: [groupKey(room.state.groupId)],
							arguments: [String(room.state.version), doc, String(ttl.groupTtlS)]
						})
					),
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
						if (fresh) {
							if (minReplicas > 0) await call(() => settled(groupId), groupId);
							return { found: true, result, room };
						}
						// A refusal judged on a cached copy may be out of date (another node may have
						// moved on): judge it again on what Redis holds now. Accepted commands need no
						// such read: the compare-and-set below catches a stale copy.
						room = await fetch(groupId);
						fresh = true;
						continue;
					}
					const write = changes(room, next);
					const reply = (await call(
						() =>
							compareAndSet({
								keys: [groupKey(groupId), sessionKey(groupId), recentKey(groupId)],
								arguments: [
									String(room!.state.version),
									room!.state.session ? '1' : '0',
									String(next.state.version),
									write.doc,
									write.session,
									String(ttl.groupTtlS),
									String(ttl.sessionTtlS),
									String(DEDUPE_WINDOW),
									write.recentMode,
									...write.recent
								]
							}),
						groupId
					)) as [number, string?, string?, string?, string[]?];
					if (reply[0] === 1) {
						remember(next, groupId);
						return { found: true, result, room: next };
					}
					room = reply[0] === -1 ? null : decode(reply[1] ?? null, reply[2] ?? null, reply[3] || null, reply[4] ?? []);
					fresh = true;
					remember(room, groupId);
				}
				throw new StoreUnavailableError(new Error('too many write conflicts'));
			});
		},
		async ping() {
			try {
				return (await call(() => redis.ping(), '')) === 'PONG';
			} catch {
				return false; // offline queue is off: this fails at once while Redis is away
			}
		},
		async close() {
			cache.clear();
		}
	};
}
