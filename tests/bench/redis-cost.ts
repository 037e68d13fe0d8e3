/**
 * B0, one Redis round trip (from Node, and from `redis-benchmark -c 1` when installed), and what
 * Roomcast costs Redis: `INFO commandstats` deltas per command, `MEMORY USAGE` per group and session.
 */
import { spawnSync } from 'node:child_process';
import { createHistogram } from 'node:perf_hooks';
import type { RedisConnection } from '../../server/redis.ts';

const B0_ROUND_TRIPS = 5000;

export interface RoundTrip {
	p50Ms: number;
	p99Ms: number;
	/** `redis-benchmark -c 1 -t set`: mean ms per SET (1 / requests per second). */
	redisBenchmarkMs: number | null;
}

export async function measureB0(redis: RedisConnection, port: number, prefix: string): Promise<RoundTrip> {
	const h = createHistogram();
	for (let i = 0; i < B0_ROUND_TRIPS; i++) {
		const t0 = performance.now();
		await redis.set(`${prefix}:b0`, String(i));
		h.record(Math.max(1, Math.round((performance.now() - t0) * 1000)));
	}
	await redis.del(`${prefix}:b0`);
	const bench = spawnSync('redis-benchmark', ['-p', String(port), '-c', '1', '-n', '20000', '-t', 'set', '--csv'], { encoding: 'utf8' });
	const rps = bench.status === 0 ? Number(/"SET","([\d.]+)"/.exec(bench.stdout)?.[1]) : NaN;
	return { p50Ms: h.percentile(50) / 1000, p99Ms: h.percentile(99) / 1000, redisBenchmarkMs: rps ? 1000 / rps : null };
}

export interface CommandStat {
	calls: number;
	usec: number;
}

export async function commandStats(redis: RedisConnection): Promise<Record<string, CommandStat>> {
	const info = await redis.info('commandstats');
	const stats: Record<string, CommandStat> = {};
	for (const [, name, calls, usec] of info.matchAll(/cmdstat_([^:]+):calls=(\d+),usec=(\d+)/g)) stats[name] = { calls: Number(calls), usec: Number(usec) };
	return stats;
}

export interface RedisCostPerCommand {
	commands: number;
	/** Redis calls per bench command, by Redis command (eval, spublish, ...). */
	callsPerCommand: Record<string, number>;
	/** Calls on the command's own path (the store's compare-and-set), per command. */
	storeRoundTripsPerCommand: number;
	/** SPUBLISHes of the Socket.IO Redis adapter, per command (sent off the command's path). */
	publishesPerCommand: number;
	/** Microseconds of Redis time per bench command, all Redis commands together. */
	usecPerCommand: number;
}

/** Resets the counters, runs `work` (which returns how many commands it sent), reads the deltas. */
export async function costOf(redis: RedisConnection, work: () => Promise<number>): Promise<RedisCostPerCommand> {
	await redis.configResetStat();
	const commands = await work();
	const stats = await commandStats(redis);
	delete stats.info;
	delete stats['config|resetstat'];
	const callsPerCommand: Record<string, number> = {};
	let usec = 0;
	for (const [name, s] of Object.entries(stats)) {
		callsPerCommand[name] = s.calls / commands;
		usec += s.usec;
	}
	const calls = (name: string) => stats[name]?.calls ?? 0;
	return {
		commands,
		callsPerCommand,
		// Commands a script or MULTI runs inside Redis are counted by name too; round trips are the EVALs and EXECs.
		storeRoundTripsPerCommand: (calls('eval') + calls('evalsha') + calls('exec')) / commands,
		publishesPerCommand: calls('spublish') / commands,
		usecPerCommand: usec / commands
	};
}

export interface RedisMemory {
	/** The group's hash and its list of recent command ids. */
	groupBytes: number;
	sessionBytes: number;
	/** Everything Redis holds for the bench, divided by its groups (all with a running session). */
	usedBytesPerGroup: number;
}

/** `MEMORY USAGE` (exact, SAMPLES 0) of the group (hash and recent ids) and session keys of `groupIds`. */
export async function memoryPerGroup(redis: RedisConnection, prefix: string, groupIds: string[], totalGroups: number, baselineUsedBytes: number): Promise<RedisMemory> {
	let group = 0;
	let session = 0;
	for (const id of groupIds) {
		group += (await redis.memoryUsage(`${prefix}:g:{${id}}`, { SAMPLES: 0 })) ?? 0;
		group += (await redis.memoryUsage(`${prefix}:r:{${id}}`, { SAMPLES: 0 })) ?? 0;
		session += (await redis.memoryUsage(`${prefix}:s:{${id}}`, { SAMPLES: 0 })) ?? 0;
	}
	const used = await usedMemory(redis);
	return { groupBytes: group / groupIds.length, sessionBytes: session / groupIds.length, usedBytesPerGroup: (used - baselineUsedBytes) / totalGroups };
}

export async function usedMemory(redis: RedisConnection): Promise<number> {
	return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
}
