/** Opens the store the configuration asks for: Redis when REDIS_URL is set, else the embedded one. */
import { createRoomcastAdapter } from './adapter.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { connectRedis } from './redis.ts';
import { createMemoryStore } from './store/room-store.memory.ts';
import { createRedisStore } from './store/room-store.redis.ts';
import type { RoomStore } from './store/room-store.ts';
import type { Components } from './app.ts';
import type { CodeStore } from './codes/code-store.ts';
import { createMemoryCodeStore } from './codes/code-store.memory.ts';
import { createRedisCodeStore } from './codes/code-store.redis.ts';
import { createLimiters, type Limiters } from './limits.ts';

/** A rate-limit or code-store call unanswered after this long fails (limits fail open; codes answer `unavailable`). */
const SHARED_TIMEOUT_MS = 2000;

export interface Backend {
	store: RoomStore;
	codes: CodeStore;
	limiters: Limiters;
	adapter?: Components['adapter'];
	close(): Promise<void>;
}

export async function openBackend(config: Config, log: Logger): Promise<Backend> {
	const ttls = { groupTtlS: config.groupTtlS, sessionTtlS: config.sessionTtlS };
	if (!config.redisUrl) {
		const store = createMemoryStore(ttls);
		return { store, codes: createMemoryCodeStore(), limiters: createLimiters(config.limits), close: () => store.close() };
	}
	// The room store times its calls itself (one timer per call, not node-redis's AbortSignal per
	// command); pairing codes and rate limits share a second connection whose commands time out, so a
	// stalled Redis answers a handshake or a pairing `unavailable` instead of holding it [R51].
	const redis = await connectRedis(config.redisUrl, log, 'store', { commandTimeoutMs: 0 });
	const shared = await connectRedis(config.redisUrl, log, 'codes', { commandTimeoutMs: SHARED_TIMEOUT_MS });
	const pub = await connectRedis(config.redisUrl, log, 'pubsub', { commandTimeoutMs: 0 });
	const sub = pub.duplicate();
	sub.on('error', () => {}); // reported through `pub`; an unhandled error here would end the process
	await sub.connect();
	const store = createRedisStore(redis, { ...ttls, prefix: config.redisPrefix });
	// Sharded pub/sub carries broadcasts between nodes and keeps nothing in Redis afterwards.
	const adapter = createRoomcastAdapter(pub, sub, `${config.redisPrefix}:sio`);
	return {
		store,
		codes: createRedisCodeStore(shared, config.redisPrefix),
		limiters: createLimiters(config.limits, shared, config.redisPrefix),
		adapter,
		async close() {
			await store.close();
			await Promise.allSettled([redis.close(), shared.close(), pub.close(), sub.close()]);
		}
	};
}
