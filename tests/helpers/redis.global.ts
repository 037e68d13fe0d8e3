// vitest global setup: find or start a Redis for the store and server suites, and compile the
// server if its sources changed (the fault and restart tests run the compiled one, as `npm start` does).
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.mjs';
import { ensureRedis } from '../../scripts/redis-for-tests.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		redisUrl: string;
	}
}

export default async function setup(project: TestProject) {
	await build({ ifStale: true, serverOnly: true });
	const redis = await ensureRedis();
	project.provide('redisUrl', redis.url);
	return () => redis.stop();
}
