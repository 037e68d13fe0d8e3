/** A Redis connection for one test file, under a key prefix of its own, cleaned up afterwards. */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createMemoryLogger } from '../../server/log.ts';
import { connectRedis, type RedisConnection } from '../../server/redis.ts';

export interface TestRedis {
	url: string;
	redis: RedisConnection;
	prefix: string;
	/** Every key under this file's prefix. */
	keys(): Promise<string[]>;
	cleanup(): Promise<void>;
}

export async function openTestRedis(url = inject('redisUrl')): Promise<TestRedis> {
	const prefix = `rc-test-${randomBytes(5).toString('hex')}`;
	const redis = await connectRedis(url, createMemoryLogger(), 'test');
	const keys = async () => {
		const found: string[] = [];
		for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) found.push(...batch);
		return found;
	};
	return {
		url,
		redis,
		prefix,
		keys,
		async cleanup() {
			const found = await keys();
			if (found.length) await redis.del(found);
			await redis.close();
		}
	};
}
