/**
 * The one place that makes Redis connections: to one Redis (`REDIS_URL`), or to whichever Redis the
 * Sentinels say is the primary (`REDIS_SENTINELS`), followed through a failover by node-redis's own
 * Sentinel client. Everything else (room store, code store, rate limits, the Socket.IO adapter) gets
 * a `RedisConnection` and does not know which it is.
 */
import { createClient, createSentinel } from 'redis';
import type { Logger } from './log.ts';

/** Where Redis is: one server, or a primary watched by Sentinels. */
export type RedisTarget =
	| { kind: 'single'; url: string }
	| {
			kind: 'sentinel';
			/** The Sentinels to ask, e.g. [{ host: '10.0.0.5', port: 26379 }, ...]. */
			sentinels: Array<{ host: string; port: number }>;
			/** The name the Sentinels monitor the primary under (`sentinel monitor <name> ...`). */
			master: string;
			/** ACL user and password of the Redis servers (primary and replicas). */
			username?: string;
			password?: string;
			/** ACL user and password of the Sentinels themselves, when they require one. */
			sentinelUsername?: string;
			sentinelPassword?: string;
	  };

const NODE_OPTIONS = {
	// Fail fast while Redis is away: a command is refused (and stays in the device's outbox)
	// rather than hanging in a queue here.
	disableOfflineQueue: true,
	socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
	// no node-redis timeout: it stops counting once a command is written, so it misses a stalled
	// Redis, and its AbortSignal per command cost more than a write (issue 7). Calls that someone
	// waits for are timed by deadline.ts.
	commandOptions: { timeout: 0 }
} as const;

const makeClient = (url: string) => createClient({ url, ...NODE_OPTIONS });

/**
 * A connection as the rest of the server uses it. A Sentinel client has the same command methods as
 * a plain client (it sends them to the current primary), so it is used through this one type; the
 * one method whose signature differs, `sendCommand`, is made alike in `followPrimary`.
 */
export type RedisConnection = ReturnType<typeof makeClient>;

/** How often the Sentinel client asks the Sentinels for the topology, besides their own notices. */
const SENTINEL_SCAN_MS = 1000;

export interface RedisEvents {
	/** The Sentinels promoted another primary; the connection follows it by itself. */
	onPrimaryChange?: (address: string) => void;
	/** The connection is back after Redis was unreachable (it may have restarted). */
	onBack?: () => void;
}

/** `target`: a REDIS_URL, or where the Sentinels are. */
export async function connectRedis(target: string | RedisTarget, log: Logger, name = 'store', events: RedisEvents = {}): Promise<RedisConnection> {
	const where: RedisTarget = typeof target === 'string' ? { kind: 'single', url: target } : target;
	const client = where.kind === 'single' ? makeClient(where.url) : followPrimary(where, log, name, events);
	// node-redis emits `error` on every failed reconnect; without a listener it would kill the process.
	let down = false;
	client.on('error', (error: Error) => {
		if (!down) log.warn('redis.down', { connection: name, reason: error.name });
		down = true;
	});
	client.on('ready', () => {
		if (down) {
			log.info('redis.up', { connection: name });
			events.onBack?.();
		}
		down = false;
	});
	await client.connect();
	return client;
}

function followPrimary(target: Extract<RedisTarget, { kind: 'sentinel' }>, log: Logger, name: string, events: RedisEvents): RedisConnection {
	const sentinel = createSentinel({
		name: target.master,
		sentinelRootNodes: target.sentinels,
		// one connection to the primary: commands sent together are pipelined on it, and a `WAIT`
		// counts the writes sent before it on that same connection (room-store.redis.ts)
		masterPoolSize: 1,
		scanInterval: SENTINEL_SCAN_MS,
		// the errors of the connections inside reach the one `error` listener above
		passthroughClientErrorEvents: true,
		nodeClientOptions: { ...NODE_OPTIONS, username: target.username, password: target.password },
		sentinelClientOptions: { username: target.sentinelUsername, password: target.sentinelPassword }
	});
	sentinel.on('topology-change', (change: { type: string; node?: { host: string; port: number } }) => {
		if (change.type !== 'MASTER_CHANGE' || !change.node) return;
		const address = `${change.node.host}:${change.node.port}`;
		log.info('redis.primary', { connection: name, address });
		events.onPrimaryChange?.(address);
	});
	// `sendCommand(args)` as a plain client has it (the Socket.IO adapter counts nodes with it);
	// the Sentinel client's own takes `isReadonly` first. Everything else is the same.
	const own = sentinel.sendCommand.bind(sentinel);
	Object.assign(sentinel, { sendCommand: (args: string[], options?: object) => own(false, args, options) });
	return sentinel as unknown as RedisConnection;
}

/** `host:port,host:port` (REDIS_SENTINELS) as a list. Throws a sentence for anything else. */
export function parseSentinels(text: string): Array<{ host: string; port: number }> {
	return text
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			const match = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(entry);
			const port = Number(match?.[2]);
			if (!match || port < 1 || port > 65535) throw new Error(`REDIS_SENTINELS must be host:port entries separated by commas, got "${entry}"`);
			return { host: match[1], port };
		});
}
