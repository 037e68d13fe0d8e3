// vitest global setup: find or start a Redis for the store and server suites.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { ensureRedis } from '../../scripts/redis-for-tests.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		redisUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const redis = await ensureRedis();
	project.provide('redisUrl', redis.url);
	return () => redis.stop();
}
