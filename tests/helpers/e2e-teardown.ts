/**
 * Playwright's global teardown: deletes every Redis key the e2e server wrote under the run's prefix,
 * or the run's data directory (playwright.config.ts), so browser tests leave nothing behind.
 */
import { rmSync } from 'node:fs';
import { createLogger } from '../../server/log.ts';
import { connectRedis } from '../../server/redis.ts';

export default async function teardown() {
	const dataDir = process.env.ROOMCAST_E2E_DATA_DIR;
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	const url = process.env.TEST_REDIS_URL;
	const prefix = process.env.ROOMCAST_E2E_PREFIX;
	if (!url || !prefix) return;
	const redis = await connectRedis(url, createLogger(() => {}), 'e2e-teardown');
	try {
		for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
	} finally {
		await redis.close();
	}
}
