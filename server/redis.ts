/** The one place that makes Redis connections. */
import { createClient } from 'redis';
import type { Logger } from './log.ts';

const makeClient = (url: string) =>
	createClient({
		url,
		// Fail fast while Redis is away: a command is refused (and stays in the device's outbox)
		// rather than hanging in a queue here.
		disableOfflineQueue: true,
		socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
		// no node-redis timeout: it stops counting once a command is written, so it misses a stalled
		// Redis, and its AbortSignal per command cost more than a write (issue 7). Calls that someone
		// waits for are timed by deadline.ts.
		commandOptions: { timeout: 0 }
	});

export type RedisConnection = ReturnType<typeof makeClient>;

export async function connectRedis(url: string, log: Logger, name = 'store'): Promise<RedisConnection> {
	const client = makeClient(url);
	// node-redis emits `error` on every failed reconnect; without a listener it would kill the process.
	let down = false;
	client.on('error', (error: Error) => {
		if (!down) log.warn('redis.down', { connection: name, reason: error.name });
		down = true;
	});
	client.on('ready', () => {
		if (down) log.info('redis.up', { connection: name });
		down = false;
	});
	await client.connect();
	return client;
}
