/**
 * Start-up time (issue 12): from spawning the server to its first `GET /healthz` 200, for the server
 * as `npm start` runs it now (compiled: dist/server.js, plain Node) and as it ran before (the
 * TypeScript sources under tsx's loader). The rest of the bench's restarts (the reconnect storm)
 * pay this on every start. Both serve the production pages when there is a build (SvelteKit's
 * handler is part of the start), on the embedded store in an empty data directory of their own;
 * they take turns, and each keeps its median.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryPath, startCommand } from '../helpers/start-command.ts';
import { answering, pin } from './processes.ts';

export interface StartupResult {
	runs: number;
	/** Median and fastest, ms. */
	compiled: { medianMs: number; minMs: number };
	tsx: { medianMs: number; minMs: number };
	/** Whether SvelteKit's handler (build/) was loaded, or the build of no pages. */
	withPages: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeOnce(program: string[], port: number, buildDir: string, core: number): Promise<number> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'roomcast-startup-'));
	const spawnedAtMs = performance.now();
	const child = spawn(process.execPath, [...startCommand().nodeFlags, ...program], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BUILD_DIR: buildDir, REDIS_URL: '' },
		stdio: 'ignore'
	});
	pin(child.pid, core);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	try {
		return (await answering(`http://127.0.0.1:${port}/healthz`, child, 'server')) - spawnedAtMs;
	} finally {
		child.kill('SIGTERM');
		await exited;
		rmSync(dataDir, { recursive: true, force: true });
	}
}

export async function startupTime(opts: { port: number; runs: number; core: number }): Promise<StartupResult> {
	const withPages = existsSync('build/handler.js');
	const buildDir = withPages ? path.resolve('build') : path.resolve('tests/helpers/no-pages');
	const compiled: number[] = [];
	const tsx: number[] = [];
	for (let i = 0; i < opts.runs; i++) {
		compiled.push(await timeOnce([entryPath()], opts.port, buildDir, opts.core));
		tsx.push(await timeOnce(['--import', 'tsx', path.resolve('server/index.ts')], opts.port, buildDir, opts.core));
	}
	return {
		runs: opts.runs,
		compiled: { medianMs: median(compiled), minMs: Math.min(...compiled) },
		tsx: { medianMs: median(tsx), minMs: Math.min(...tsx) },
		withPages
	};
}
