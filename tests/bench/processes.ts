/**
 * Starting, pinning, measuring and killing the processes under test (each by its own PID). The app is
 * the production server itself, started as `npm start` starts it (tests/helpers/start-command.ts:
 * dist/server.js and its Node flags) with the stats preload (server-stats.mjs); B1 is
 * baseline-server.ts, with the same flags and preload.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../scripts/build.mjs';
import { entryPath, startCommand } from '../helpers/start-command.ts';

const HAS_TASKSET = spawnSync('taskset', ['-V']).status === 0;
/** The server under test gets core 0; the load generator and Redis share the other. */
const SERVER_CORE = 0;
export const LOAD_CORE = 1;
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 10;
/** Each server's stats preload answers on its port + this. */
const STATS_PORT_OFFSET = 1000;
const NO_PAGES = path.resolve('tests/helpers/no-pages');

/**
 * The Node flags `npm start` runs the server with (package.json), given to every server the bench
 * starts, the app's and B1's alike: `--max-semi-space-size=64` (a larger young generation) cut the
 * app's p99 at 1750 groups from ~210 to ~35 ms and its CPU by a seventh (fewer scavenges).
 */
const SERVER_NODE_FLAGS = startCommand().nodeFlags;

/** All load comes from 127.0.0.1: limits high enough never to refuse the bench. */
const PER_ADDRESS_LIFTED = { CONNECTIONS_PER_MINUTE_PER_ADDRESS: '1000000000', SOCKETS_PER_ADDRESS: '1000000000' };
const DEVICE_LIFTED = { COMMANDS_PER_10S_PER_DEVICE: '1000000000', COMMANDS_IN_FLIGHT_PER_SOCKET: '1000000000', FLOOD_REFUSALS_PER_10S: '1000000000' };

/** The compiled server, built first if its sources changed (`npm run bench` may run right after a pull). */
export const ensureCompiledServer = () => build({ ifStale: true, serverOnly: true });

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
	/** REDIS_URL and REDIS_PREFIX (app); BENCH_LIMITS=production keeps the device limits as shipped (the flood step); B1_BYTES_* (b1). */
	env: Record<string, string>;
	logFile: string;
	/** Extra node flags, e.g. --cpu-prof. */
	nodeArgs?: string[];
}

export async function startServer(opts: ServerOptions): Promise<BenchServer> {
	const log = openSync(opts.logFile, 'a');
	const preload = ['--import', path.resolve('tests/bench/server-stats.mjs')];
	const [program, env] =
		opts.kind === 'app'
			? [[...preload, entryPath()], { ...PER_ADDRESS_LIFTED, ...(opts.env.BENCH_LIMITS === 'production' ? {} : DEVICE_LIFTED), HOST: '127.0.0.1', PORT: String(opts.port), BUILD_DIR: NO_PAGES }]
			: [[...preload, '--import', 'tsx', path.resolve('tests/bench/baseline-server.ts'), String(opts.port)], {}];
	// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles every server of a run.
	const nodeArgs = [...SERVER_NODE_FLAGS, ...(opts.nodeArgs ?? []), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
	const spawnedAtMs = performance.now();
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...program], {
		env: { ...process.env, ...opts.env, ...env, BENCH_STATS_PORT: String(opts.port + STATS_PORT_OFFSET) },
		stdio: ['ignore', log, log]
	});
	pin(child.pid, SERVER_CORE);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${opts.port}`;
	const readyAtMs = await answering(opts.kind === 'app' ? `${url}/healthz` : url, child, `${opts.kind} server (see ${opts.logFile})`);
	const statsUrl = `http://127.0.0.1:${opts.port + STATS_PORT_OFFSET}/bench/stats`;
	return {
		kind: opts.kind,
		url,
		pid: child.pid!,
		startupMs: readyAtMs - spawnedAtMs,
		readyAtMs,
		async stats(reset = true) {
			const res = await fetch(`${statsUrl}${reset ? '?reset=1' : ''}`);
			return (await res.json()) as ServerStats;
		},
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}

/**
 * performance.now() when `url` first answers (the app: /healthz 200, which also means its store
 * answers; B1: any answer), polled every few ms: what "start-up time" means in the bench.
 */
export async function answering(url: string, child: ChildProcess, what: string): Promise<number> {
	const deadline = performance.now() + READY_TIMEOUT_MS;
	let exit: string | null = null;
	child.once('exit', (code, signal) => (exit = `exited with ${code ?? signal}`));
	while (performance.now() < deadline && exit === null) {
		const status = await fetch(url).then(
			(res) => (void res.body?.cancel(), res.status),
			() => 0
		);
		if (url.endsWith('/healthz') ? status === 200 : status > 0) return performance.now();
		await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
	}
	throw new Error(`${what} ${exit ?? 'did not start'}`);
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
