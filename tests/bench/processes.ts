/** Starting, pinning, measuring and killing the processes under test (each by its own PID). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HAS_TASKSET = spawnSync('taskset', ['-V']).status === 0;
/** The server under test gets core 0; the load generator and Redis share the other. */
const SERVER_CORE = 0;
export const LOAD_CORE = 1;
const READY_TIMEOUT_MS = 30_000;

/**
 * The Node flags `npm start` runs the server with (package.json), given to every server the bench
 * starts, the app's and B1's alike: `--max-semi-space-size=64` (a larger young generation) cut the
 * app's p99 at 1750 groups from ~210 to ~35 ms and its CPU by a seventh (fewer scavenges).
 */
const SERVER_NODE_FLAGS: string[] = (() => {
	const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ');
	return start.slice(start.indexOf('node') + 1, start.indexOf('--import'));
})();

export function pin(pid: number | undefined, core: number): void {
	if (HAS_TASKSET && pid && os.cpus().length > core) spawnSync('taskset', ['-apc', String(core), String(pid)], { stdio: 'ignore' });
}

export interface ServerStats {
	cpuPercent: number;
	eldP99Ms: number;
	eldMaxMs: number;
	rssMb: number;
	heapUsedMb: number;
	/** Share of the wall time spent in garbage-collection pauses, all and major only; the longest pause. */
	gcPercent: number;
	gcMajorPercent: number;
	gcMaxPauseMs: number;
}

export interface BenchServer {
	kind: 'app' | 'b1';
	url: string;
	pid: number;
	/** ms from spawn until it listened. */
	startupMs: number;
	/** performance.now() of the moment it said it listens. */
	readyAtMs: number;
	stats(reset?: boolean): Promise<ServerStats>;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
	kind: 'app' | 'b1';
	port: number;
	env: Record<string, string>;
	logFile: string;
	/** Extra node flags, e.g. --cpu-prof. */
	nodeArgs?: string[];
}

export async function startServer(opts: ServerOptions): Promise<BenchServer> {
	const spawnedAtMs = performance.now();
	const log = openSync(opts.logFile, 'a');
	const script = path.resolve('tests/bench/bench-server.ts');
	// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles every server of a run.
	const nodeArgs = [...SERVER_NODE_FLAGS, ...(opts.nodeArgs ?? []), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, opts.kind, String(opts.port)], {
		env: { ...process.env, ...opts.env },
		stdio: ['ignore', log, log, 'ipc']
	});
	pin(child.pid, SERVER_CORE);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const readyAtMs = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${opts.kind} server did not start (see ${opts.logFile})`)), READY_TIMEOUT_MS);
		child.once('message', () => (clearTimeout(timer), resolve(performance.now())));
		child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`${opts.kind} server exited with ${code} (see ${opts.logFile})`))));
	});
	child.disconnect?.();
	const url = `http://127.0.0.1:${opts.port}`;
	return {
		kind: opts.kind,
		url,
		pid: child.pid!,
		startupMs: readyAtMs - spawnedAtMs,
		readyAtMs,
		async stats(reset = true) {
			const res = await fetch(`${url}/bench/stats${reset ? '?reset=1' : ''}`);
			return (await res.json()) as ServerStats;
		},
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}

export function machine() {
	const cpus = os.cpus();
	return {
		cores: cpus.length,
		cpuModel: cpus[0]?.model ?? 'unknown',
		memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
		node: process.version,
		platform: `${os.type()} ${os.release()}`,
		taskset: HAS_TASKSET,
		maxOpenFiles: openFilesLimit()
	};
}

function openFilesLimit(): number | null {
	const limits = '/proc/self/limits';
	if (!existsSync(limits)) return null;
	const out = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();
	return Number(out) || null;
}

/** Busy share of every core of the machine (all processes, ours and the neighbours'), from /proc/stat. */
export function cpuTimes(): { busy: number; total: number } | null {
	if (!existsSync('/proc/stat')) return null;
	const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	const idle = fields[3] + (fields[4] ?? 0);
	const total = fields.reduce((a, b) => a + b, 0);
	return { busy: total - idle, total };
}

export function busyPercentSince(start: ReturnType<typeof cpuTimes>): number {
	const end = cpuTimes();
	if (!start || !end || end.total === start.total) return NaN;
	return ((end.busy - start.busy) / (end.total - start.total)) * 100;
}
