/** The one place that makes Redis connections. */
import { createClient } from 'redis';
import type { Logger } from './log.ts';

export interface ConnectionOptions {
	/**
	 * A command unanswered after this long fails. Unset or 0: no timer (node-redis has none by
	 * default), for the store's connection, which times its calls itself, and the publishing one,
	 * whose publishes nobody waits for: a timer per publish cost more CPU than the publish itself
	 * (issue 7's profile). A lost connection fails its commands either way.
	 */
	commandTimeoutMs?: number;
}

const makeClient = (url: string, options: ConnectionOptions = {}) =>
	createClient({
		url,
		// Fail fast while Redis is away: a command is refused (and stays in the device's outbox)
		// rather than hanging in a queue here.
		disableOfflineQueue: true,
		socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
		...(options.commandTimeoutMs ? { commandOptions: { timeout: options.commandTimeoutMs } } : {})
	});

export type RedisConnection = ReturnType<typeof makeClient>;

export async function connectRedis(url: string, log: Logger, name = 'store', options: ConnectionOptions = {}): Promise<RedisConnection> {
	const client = makeClient(url, options);
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
