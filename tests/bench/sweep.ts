/**
 * Latency and groups per process: one server (app or B1), groups added step by step (4 clients
 * each), and at every step a steady run (1 command/s/group, spread over the second) and a burst
 * run (every group at the same instant, once a second), with the server's CPU, event-loop delay and
 * memory. N_max is the last step before one breaks a limit (p99 > 50 ms, any loss, event-loop p99 > 20 ms).
 */
import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../../server/redis.ts';
import { Fleet, type LatencyResult } from './fleet.ts';
import { busyPercentSince, cpuTimes, startServer, type ServerStats } from './processes.ts';
import { costOf, type RedisCostPerCommand } from './redis-cost.ts';
import type { BenchGroup } from './seed.ts';

const LIMITS_FOR_NMAX = { p99Ms: 50, lossPercent: 0, eldP99Ms: 20 };
const GIVE_UP_P99_MS = 2000;
const GIVE_UP_LOSS_PERCENT = 5;

export interface Timing {
	durationMs: number;
	warmupMs: number;
	drainMs: number;
}

/** One timed run, with the server's figures and how busy the whole machine was meanwhile. */
export type Run = LatencyResult & { server: ServerStats; machineBusyPercent: number };

export interface StepResult {
	groups: number;
	clients: number;
	steady: Run;
	burst: Run;
	withinLimits: boolean;
}

export interface SweepResult {
	kind: 'app' | 'b1';
	steps: StepResult[];
	/** The most groups of a step whose steady run (and every smaller step's) is within every limit (0 if none). */
	nMax: number;
	/** True when the ramp stopped at the last step without breaking a limit: N_max is at least this. */
	nMaxCapped: boolean;
	startupMs: number;
	redisCost?: RedisCostPerCommand & { groups: number };
	/** How many sweeps the figures are the best of. */
	repeats?: number;
}

export interface SweepOptions {
	kind: 'app' | 'b1';
	port: number;
	env: Record<string, string>;
	logFile: string;
	groups: BenchGroup[];
	steps: number[];
	steady: Timing;
	burst: Timing;
	/** Measure Redis commandstats in the steady run of this step (app only). */
	redisCostAt?: { groups: number; redis: RedisConnection };
	onStep?: (step: StepResult) => void;
}

/** B1 has no credentials: its groups are just ids. */
export const fakeGroups = (count: number): BenchGroup[] =>
	Array.from({ length: count }, () => ({ groupId: randomBytes(16).toString('base64url'), remote: 'x', desk: 'x', display: 'x' }));

const within = (r: Run) =>
	r.p99Ms <= LIMITS_FOR_NMAX.p99Ms && r.lossPercent <= LIMITS_FOR_NMAX.lossPercent && r.refused === 0 && r.server.eldP99Ms <= LIMITS_FOR_NMAX.eldP99Ms;

export async function sweep(opts: SweepOptions): Promise<SweepResult> {
	const server = await startServer({ kind: opts.kind, port: opts.port, env: opts.env, logFile: opts.logFile });
	const fleet = new Fleet();
	const result: SweepResult = { kind: opts.kind, steps: [], nMax: 0, nMaxCapped: false, startupMs: server.startupMs };
	try {
		for (const groups of opts.steps) {
			await fleet.add(opts.groups.slice(fleet.groups.length, groups), { controller: server.url, display: server.url });
			const run = async (burst: boolean, timing: Timing) => {
				await server.stats(true);
				const times = cpuTimes();
				const latency = await fleet.drive({ groups, burst, ...timing });
				return { ...latency, server: await server.stats(true), machineBusyPercent: busyPercentSince(times) };
			};
			let steady!: StepResult['steady'];
			if (opts.redisCostAt?.groups === groups) {
				const cost = await costOf(opts.redisCostAt.redis, async () => {
					steady = await run(false, opts.steady);
					return steady.sent;
				});
				result.redisCost = { ...cost, groups };
			} else steady = await run(false, opts.steady);
			const burst = await run(true, opts.burst);
			const step: StepResult = { groups, clients: groups * 4, steady, burst, withinLimits: within(steady) };
			result.steps.push(step);
			opts.onStep?.(step);
			if (step.withinLimits && result.steps.every((s) => s.withinLimits)) result.nMax = groups;
			// Far past the limits the ramp only crowds the machine that the other engineers share.
			if (step.steady.p99Ms > GIVE_UP_P99_MS || step.steady.lossPercent > GIVE_UP_LOSS_PERCENT) break;
		}
		result.nMaxCapped = result.nMax === opts.steps[opts.steps.length - 1];
	} finally {
		fleet.close();
		await server.kill();
	}
	return result;
}

/**
 * Noise on a shared machine only ever adds latency, so of several sweeps of one server the best run of
 * each step (lowest steady p99) is the fairest figure; N_max is then judged on those.
 */
export function bestOf(runs: SweepResult[], lastPlannedStep: number): SweepResult {
	const byGroups = new Map<number, StepResult>();
	for (const run of runs)
		for (const step of run.steps) {
			const held = byGroups.get(step.groups);
			if (!held || step.steady.p99Ms < held.steady.p99Ms) byGroups.set(step.groups, step);
		}
	const steps = [...byGroups.values()].sort((a, b) => a.groups - b.groups);
	let nMax = 0;
	for (const step of steps) {
		if (!step.withinLimits) break;
		nMax = step.groups;
	}
	return {
		...runs[0],
		steps,
		nMax,
		nMaxCapped: nMax === lastPlannedStep,
		startupMs: Math.min(...runs.map((r) => r.startupMs)),
		redisCost: runs.find((r) => r.redisCost)?.redisCost,
		repeats: runs.length
	};
}
