/**
 * Rate limits (rate-limiter-flexible). Per address: connections, code requests and code guesses, in
 * Redis when there is one, so every node counts together. Per device: commands, counted in the
 * process that holds the device's socket (a device has one socket, on one node), which keeps each
 * command to one Redis round trip.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisConnection } from './redis.ts';

export interface LimitSettings {
	connectionsPerMinutePerAddress: number;
	commandsPer10sPerDevice: number;
	codesPer10MinPerAddress: number;
	guessesPer10MinPerAddress: number;
	pollsPerMinutePerAddress: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
	connectionsPerMinutePerAddress: 120,
	commandsPer10sPerDevice: 100,
	codesPer10MinPerAddress: 30,
	guessesPer10MinPerAddress: 20,
	pollsPerMinutePerAddress: 120
};

export interface Limiters {
	connect: RateLimiterAbstract;
	command: RateLimiterAbstract;
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
		code: shared('code', s.codesPer10MinPerAddress, 600),
		guess: shared('guess', s.guessesPer10MinPerAddress, 600),
		poll: shared('poll', s.pollsPerMinutePerAddress, 60)
	};
}

/**
 * True when `key` may go ahead. Fails open when the limiter's store is unreachable: the room store
 * then refuses on its own, and a Redis outage should not also lock every device out afterwards.
 */
export async function allowed(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
	try {
		await limiter.consume(key);
		return true;
	} catch (rejection) {
		return rejection instanceof Error;
	}
}
