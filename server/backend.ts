/** Opens the store the configuration asks for: Redis when REDIS_URL or REDIS_SENTINELS is set, else the embedded one. */
import { createRoomcastAdapter } from './adapter.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { connectRedis, type RedisConnection, type RedisTarget } from './redis.ts';
import { withDeadline } from './deadline.ts';
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
	/** For /healthz: the Redis primary written to and how many replicas it has. */
	describeStore?: Components['describeStore'];
	/**
	 * Called when the store may hold other than what the devices were last sent: the Sentinels
	 * promoted a new primary (the connections follow it by themselves), or Redis is back after an outage.
	 */
	onStoreRecovered(listener: () => void): void;
	close(): Promise<void>;
}

export async function openBackend(config: Config, log: Logger): Promise<Backend> {
	const ttls = { groupTtlS: config.groupTtlS, sessionTtlS: config.sessionTtlS };
	const target = redisTargetOf(config);
	if (!target) {
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
			onStoreRecovered: () => {},
			async close() {
				await Promise.all([store.close(), codes.close()]);
				await dir.close();
			}
		};
	}
	// The room store, the code store and the limiters time their calls themselves (deadline.ts), so a
	// stalled Redis answers a handshake, a pairing or a command `unavailable` in seconds [R51].
	// Pairing codes and rate limits share a second connection. Behind Sentinels every connection
	// follows a failover to the new primary by itself; the store's tells the app, which sends every
	// device here a fresh snapshot.
	const listeners: Array<() => void> = [];
	let primary = target.kind === 'single' ? addressOf(target.url) : '';
	const recovered = () => listeners.forEach((listener) => listener());
	const redis = await connectRedis(target, log, 'store', {
		onPrimaryChange: (address) => {
			const changed = primary !== '' && primary !== address;
			primary = address;
			if (changed) recovered();
		},
		onBack: recovered
	});
	const shared = await connectRedis(target, log, 'codes');
	const pub = await connectRedis(target, log, 'pubsub');
	const sub = pub.duplicate();
	sub.on('error', () => {}); // reported through `pub`; an unhandled error here would end the process
	await sub.connect();
	const store = createRedisStore(redis, { ...ttls, prefix: config.redisPrefix, minReplicas: config.redisMinReplicas, replicaTimeoutMs: config.redisReplicaTimeoutMs });
	// Sharded pub/sub carries broadcasts between nodes and keeps nothing in Redis afterwards.
	const adapter = createRoomcastAdapter(pub, sub, `${config.redisPrefix}:sio`);
	return {
		store,
		codes: createRedisCodeStore(shared, config.redisPrefix),
		limiters: createLimiters(config.limits, shared, config.redisPrefix),
		adapter,
		describeStore: async () => ({ primary, replicas: await replicaCount(redis), minReplicas: config.redisMinReplicas }),
		onStoreRecovered: (listener) => void listeners.push(listener),
		async close() {
			await store.close();
			await Promise.allSettled([redis.close(), shared.close(), pub.close(), sub.close()]);
		}
	};
}

/** Where the configuration says Redis is: Sentinels, one URL, or none (the embedded store). */
function redisTargetOf(config: Config): RedisTarget | undefined {
	if (config.redisSentinel) return { kind: 'sentinel', ...config.redisSentinel };
	return config.redisUrl ? { kind: 'single', url: config.redisUrl } : undefined;
}

/** host:port of a redis:// URL, never its credentials. */
function addressOf(url: string): string {
	const { hostname, port } = new URL(url);
	return `${hostname}:${port || 6379}`;
}

const HEALTH_TIMEOUT_MS = 1000;

/** The primary's replicas that are online, from `INFO replication`; null when it does not answer. */
async function replicaCount(redis: RedisConnection): Promise<number | null> {
	try {
		const info = await withDeadline(redis.info('replication'), HEALTH_TIMEOUT_MS);
		return info.split('\n').filter((line) => /^slave\d+:.*state=online/.test(line)).length;
	} catch {
		return null;
	}
}
