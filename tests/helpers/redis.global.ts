// vitest global setup: find or start a Redis for the store and server suites, compile the server if
// its sources changed (the fault and restart tests run the compiled one, as `npm start` does), and
// make one directory under which the tests' data directories go, removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.mjs';
import { ensureRedis } from '../../scripts/redis-for-tests.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		redisUrl: string;
		dataRoot: string;
	}
}

export default async function setup(project: TestProject) {
	await build({ ifStale: true, serverOnly: true });
	const redis = await ensureRedis();
	project.provide('redisUrl', redis.url);
	const dataRoot = mkdtempSync(path.join(tmpdir(), 'roomcast-test-data-'));
	project.provide('dataRoot', dataRoot);
	return async () => {
		rmSync(dataRoot, { recursive: true, force: true });
		await redis.stop();
	};
}
