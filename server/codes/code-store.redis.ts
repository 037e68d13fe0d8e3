/** Code records in Redis: one JSON string per code, `<prefix>:code:<kind>:<id>`, with a TTL. */
import { withDeadline } from '../deadline.ts';
import type { RedisConnection } from '../redis.ts';
import { StoreUnavailableError } from '../store/room-store.ts';
import type { CodeKind, CodeRecord, CodeStore } from './code-store.ts';

// ARGV: secret hash, max wrong tries, consume (1/0)
const ATTEMPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local rec = cjson.decode(raw)
if rec.secretHash ~= ARGV[1] then
  rec.attempts = rec.attempts + 1
  if rec.attempts >= tonumber(ARGV[2]) then redis.call('DEL', KEYS[1])
  else redis.call('SET', KEYS[1], cjson.encode(rec), 'KEEPTTL') end
  return false
end
if ARGV[3] == '1' then redis.call('DEL', KEYS[1]) end
return raw`;

const SET_DATA = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local rec = cjson.decode(raw)
rec.data = cjson.decode(ARGV[1])
redis.call('SET', KEYS[1], cjson.encode(rec), 'KEEPTTL')
return 1`;

// ARGV: owner, data to merge (json). Returns the record as claimed, 'lost', or false (gone).
const CLAIM = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local rec = cjson.decode(raw)
local claimed = rec.data.claim
if claimed ~= nil and claimed ~= cjson.null and claimed ~= ARGV[1] then return 'lost' end
if claimed ~= ARGV[1] then
  for k, v in pairs(cjson.decode(ARGV[2])) do rec.data[k] = v end
  rec.data.claim = ARGV[1]
  raw = cjson.encode(rec)
  redis.call('SET', KEYS[1], raw, 'KEEPTTL')
end
return raw`;

// ARGV: owner
const RELEASE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local rec = cjson.decode(raw)
if rec.data.claim ~= ARGV[1] then return 0 end
rec.data.claim = cjson.null
rec.data.groupId = cjson.null
redis.call('SET', KEYS[1], cjson.encode(rec), 'KEEPTTL')
return 1`;

/** A code call unanswered after this long fails as `unavailable` (a stalled Redis must not hold a pairing). */
const CODE_STORE_TIMEOUT_MS = 2000;

export function createRedisCodeStore(redis: RedisConnection, prefix = 'rc', timeoutMs = CODE_STORE_TIMEOUT_MS): CodeStore {
	const key = (kind: CodeKind, id: string) => `${prefix}:code:${kind}:${id}`;
	const call = async <T>(fn: () => Promise<T>) => {
		try {
			return await withDeadline(fn(), timeoutMs);
		} catch (error) {
			throw new StoreUnavailableError(error);
		}
	};
	return {
		async create(kind, id, record, ttlS) {
			const reply = await call(() => redis.set(key(kind, id), JSON.stringify(record), { NX: true, EX: ttlS }));
			return reply === 'OK';
		},
		async get(kind, id) {
			const raw = await call(() => redis.get(key(kind, id)));
			return raw ? (JSON.parse(raw) as CodeRecord) : null;
		},
		async attempt(kind, id, secretHash, maxWrong, consume) {
			const raw = await call(() =>
				redis.eval(ATTEMPT, { keys: [key(kind, id)], arguments: [secretHash, String(maxWrong), consume ? '1' : '0'] })
			);
			return typeof raw === 'string' ? { ok: true, record: JSON.parse(raw) as CodeRecord } : { ok: false };
		},
		async claim(kind, id, owner, data) {
			const raw = await call(() => redis.eval(CLAIM, { keys: [key(kind, id)], arguments: [owner, JSON.stringify(data)] }));
			if (raw === 'lost') return { outcome: 'lost' };
			return typeof raw === 'string' ? { outcome: 'won', record: JSON.parse(raw) as CodeRecord } : { outcome: 'gone' };
		},
		async release(kind, id, owner) {
			await call(() => redis.eval(RELEASE, { keys: [key(kind, id)], arguments: [owner] }));
		},
		async setData(kind, id, data) {
			const reply = await call(() => redis.eval(SET_DATA, { keys: [key(kind, id)], arguments: [JSON.stringify(data)] }));
			return reply === 1;
		},
		async delete(kind, id) {
			await call(() => redis.del(key(kind, id)));
		}
	};
}
