/**
 * One device's flood against everyone else (issue 13, defect 6): the same groups and load as the
 * latency sweep, timed once quiet and once while one facilitator device of another group sends
 * `floodCommands` commands pipelined in one go, every `waveEveryMs`, reconnecting after each cut-off
 * as an attacker would. The server runs with the production limits (100 commands per 10 s per
 * device, cut-off after 200 refusals in 10 s); only the per-address connection limits are lifted,
 * since all the bench's sockets come from one address.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Fleet, type LatencyResult } from './fleet.ts';
import { LOAD_CORE, pin, startServer, type ServerStats } from './processes.ts';
import type { BenchGroup } from './seed.ts';
import type { Timing } from './sweep.ts';

export interface FloodResult {
	groups: number;
	quiet: LatencyResult;
	flooded: LatencyResult;
	/** The server's CPU and event-loop delay in each run. */
	server: { quiet: ServerStats; flooded: ServerStats };
	commandsPerWave: number;
	waveEveryMs: number;
	/** What the flooder's waves came to: commands sent, accepted, refused, never answered (cut off first). */
	flooder: { waves: number; sent: number; accepted: number; refused: number; unanswered: number; cutOff: number };
}

/** Runs tests/bench/flooder.ts for `durationMs`; resolves with its tally. */
function runFlooder(url: string, flooder: BenchGroup, perWave: number, everyMs: number, durationMs: number): Promise<FloodResult['flooder']> {
	const script = path.resolve('tests/bench/flooder.ts');
	const args = [url, flooder.groupId, flooder.remote, perWave, everyMs, durationMs].map(String);
	const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
	pin(child.pid, LOAD_CORE);
	let out = '';
	child.stdout.on('data', (data: Buffer) => void (out += data.toString()));
	return new Promise((resolve, reject) =>
		child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as FloodResult['flooder']) : reject(new Error(`flooder exited with ${code}`))))
	);
}

export async function flood(opts: {
	port: number;
	env: Record<string, string>;
	logFile: string;
	groups: BenchGroup[];
	flooder: BenchGroup;
	timing: Timing;
	commandsPerWave: number;
	waveEveryMs: number;
}): Promise<FloodResult> {
	const server = await startServer({ kind: 'app', port: opts.port, env: { ...opts.env, BENCH_LIMITS: 'production' }, logFile: opts.logFile });
	const fleet = new Fleet();
	try {
		await fleet.add(opts.groups, { controller: server.url, display: server.url });
		await server.stats(true);
		const quiet = await fleet.drive({ groups: opts.groups.length, burst: false, ...opts.timing });
		const quietServer = await server.stats(true);
		const flooding = runFlooder(server.url, opts.flooder, opts.commandsPerWave, opts.waveEveryMs, opts.timing.durationMs);
		const flooded = await fleet.drive({ groups: opts.groups.length, burst: false, ...opts.timing });
		const floodedServer = await server.stats(true);
		return {
			groups: opts.groups.length,
			quiet,
			flooded,
			server: { quiet: quietServer, flooded: floodedServer },
			commandsPerWave: opts.commandsPerWave,
			waveEveryMs: opts.waveEveryMs,
			flooder: await flooding
		};
	} finally {
		fleet.close();
		await server.kill();
	}
}
