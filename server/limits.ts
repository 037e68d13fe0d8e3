/**
 * Rate limits and caps (rate-limiter-flexible). Per address: connections, groups, code requests and
 * code guesses, in Redis when there is one, so every node counts together. Per device: commands,
 * counted in the process that holds the device's socket (a device has one socket, on one node), which
 * keeps each command to one Redis round trip. Every number has an environment variable (config.ts,
 * README "Configuration").
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { withDeadline } from './deadline.ts';
import type { RedisConnection } from './redis.ts';

export interface LimitSettings {
	connectionsPerMinutePerAddress: number;
	/** WebSocket connections open at once from one address, counted before any Socket.IO handshake. */
	socketsPerAddress: number;
	/**
	 * A connection that has not completed its Socket.IO handshake by then is closed. Longer than the
	 * handshake's own worst case while Redis stalls (the limiter's 1 s and the store's 5 s), so that
	 * such a handshake is answered `unavailable` rather than cut off.
	 */
	handshakeTimeoutMs: number;
	/** Commands from one facilitator device per 10 s; over it, `rate_limited`. */
	commandsPer10sPerDevice: number;
	/**
	 * Commands one socket may have waiting for their answers at once. A page sends one at a time and
	 * waits for its answer; only a client that pipelines (a flood) has more.
	 */
	commandsInFlightPerSocket: number;
	/** A socket (any role) refused this many commands within 10 s is flooding: it is disconnected. */
	floodRefusalsPer10s: number;
	groupsPerHourPerAddress: number;
	codesPer10MinPerAddress: number;
	guessesPer10MinPerAddress: number;
	pollsPerMinutePerAddress: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
	connectionsPerMinutePerAddress: 120,
	socketsPerAddress: 60,
	handshakeTimeoutMs: 10_000,
	commandsPer10sPerDevice: 100,
	commandsInFlightPerSocket: 10,
	floodRefusalsPer10s: 200,
	groupsPerHourPerAddress: 20,
	codesPer10MinPerAddress: 30,
	guessesPer10MinPerAddress: 20,
	pollsPerMinutePerAddress: 120
};

export interface Limiters {
	connect: RateLimiterAbstract;
	command: RateLimiterAbstract;
	group: RateLimiterAbstract;
	code: RateLimiterAbstract;
	guess: RateLimiterAbstract;
	poll: RateLimiterAbstract;
}

export function createLimiters(settings: Partial<LimitSettings> = {}, redis?: RedisConnection, prefix = 'rc'): Limiters {
	const s = { ...DEFAULT_LIMITS, ...settings };
	const shared = (name: string, points: number, duration: number) =>
		redis
			? new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix: `${prefix}:rl:${name}`, points, duration })
			: new RateLimiterMemory({ keyPrefix: name, points, duration });
	return {
		connect: shared('connect', s.connectionsPerMinutePerAddress, 60),
		command: new RateLimiterMemory({ keyPrefix: 'command', points: s.commandsPer10sPerDevice, duration: 10 }),
		group: shared('group', s.groupsPerHourPerAddress, 3600),
		code: shared('code', s.codesPer10MinPerAddress, 600),
		guess: shared('guess', s.guessesPer10MinPerAddress, 600),
		poll: shared('poll', s.pollsPerMinutePerAddress, 60)
	};
}

/** The limiter's answer: go ahead, or wait this long. */
export type Allowance = { ok: true } | { ok: false; retryInMs: number };

/** A limiter unanswered after this long lets the request go ahead (a stalled Redis). */
const LIMITER_TIMEOUT_MS = 1000;

/**
 * Whether `key` may go ahead. Fails open when the limiter's store is unreachable or does not answer
 * within LIMITER_TIMEOUT_MS: the room store then refuses on its own, and a Redis outage should not
 * also lock every device out afterwards, nor hold a handshake for as long as Redis stalls.
 */
export async function allowance(limiter: RateLimiterAbstract, key: string): Promise<Allowance> {
	try {
		// an in-process limiter answers at once: no timer for it (it runs for every command)
		const consumed = limiter.consume(key);
		await (limiter instanceof RateLimiterMemory ? consumed : withDeadline(consumed, LIMITER_TIMEOUT_MS));
		return { ok: true };
	} catch (rejection) {
		if (rejection instanceof Error) return { ok: true };
		return { ok: false, retryInMs: (rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000 };
	}
}

export const allowed = async (limiter: RateLimiterAbstract, key: string) => (await allowance(limiter, key)).ok;
