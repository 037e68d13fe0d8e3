/**
 * Playwright's global teardown: deletes every Redis key the e2e server wrote under the run's prefix
 * (playwright.config.ts), so browser tests leave nothing behind in the developer's Redis.
 */
import { createLogger } from '../../server/log.ts';
import { connectRedis } from '../../server/redis.ts';

export default async function teardown() {
	const url = process.env.TEST_REDIS_URL;
	const prefix = process.env.ROOMCAST_E2E_PREFIX;
	if (!url || !prefix) return; // the embedded store: nothing outlives the server process
	const redis = await connectRedis(url, createLogger(() => {}), 'e2e-teardown');
	try {
		for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
	} finally {
		await redis.close();
	}
}
