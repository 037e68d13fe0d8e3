/** Opens the store the configuration asks for: Redis when REDIS_URL is set, else the embedded one. */
import { createRoomcastAdapter } from './adapter.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { connectRedis } from './redis.ts';
import { openDataDir } from './store/data-dir.ts';
import { openEmbeddedStore } from './store/room-store.embedded.ts';
import { createRedisStore } from './store/room-store.redis.ts';
import type { RoomStore } from './store/room-store.ts';
import type { Components } from './app.ts';
import type { CodeStore } from './codes/code-store.ts';
import { openEmbeddedCodeStore } from './codes/code-store.embedded.ts';
import { createRedisCodeStore } from './codes/code-store.redis.ts';
import { createLimiters, type Limiters } from './limits.ts';

export interface Backend {
	store: RoomStore;
	/** The embedded store's directory, absolute; none with Redis. */
	dataDir?: string;
	codes: CodeStore;
	limiters: Limiters;
	adapter?: Components['adapter'];
	close(): Promise<void>;
}

export async function openBackend(config: Config, log: Logger): Promise<Backend> {
	const ttls = { groupTtlS: config.groupTtlS, sessionTtlS: config.sessionTtlS };
	if (!config.redisUrl) {
		// Throws DataDirError, whose message says what to do, when another process holds the directory or it cannot be used.
		const dir = await openDataDir(config.dataDir);
		if (dir.openToOthers) log.warn('store.data_dir_open_to_others');
		const store = await openEmbeddedStore(dir, { ...ttls, log });
		const codes = await openEmbeddedCodeStore(dir);
		return {
			store,
			codes,
			dataDir: dir.path,
			limiters: createLimiters(config.limits),
			async close() {
				await Promise.all([store.close(), codes.close()]);
				await dir.close();
			}
		};
	}
	// The room store, the code store and the limiters time their calls themselves (deadline.ts), so a
	// stalled Redis answers a handshake, a pairing or a command `unavailable` in seconds [R51].
	// Pairing codes and rate limits share a second connection.
	const redis = await connectRedis(config.redisUrl, log, 'store');
	const shared = await connectRedis(config.redisUrl, log, 'codes');
	const pub = await connectRedis(config.redisUrl, log, 'pubsub');
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
