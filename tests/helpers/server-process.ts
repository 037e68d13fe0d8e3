/**
 * Runs the production server as its own process, the way `npm start` runs it: the same entry file
 * (dist/server.js, compiled by `npm run build`) with the same Node flags, read from package.json
 * (start-command.ts), with a build of no pages. Fault and restart tests kill -9 it, SIGTERM it and
 * start it again: its start-up and shutdown are the ones they exercise. Resolves once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverIsFresh } from '../../scripts/build.mjs';
import { entryPath, startCommand } from './start-command.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NO_PAGES = fileURLToPath(new URL('./no-pages', import.meta.url));
/** On a busy machine a start can take long; the wait ends at once when the process says it listens. */
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
	url: string;
	/** The line it printed for people when it started ("Roomcast 0.1.0 is up on ..., using ..."). */
	banner: string;
	child: ChildProcess;
	/** Resolves when the process has exited. */
	exited: Promise<void>;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A process that exited before it listened: its exit code and what it wrote to stderr. */
export class EarlyExitError extends Error {
	constructor(
		readonly code: number | null,
		readonly stderr: string
	) {
		super(`server process exited early (${code}): ${stderr.trim()}`);
	}
}

/** The test's own limits: these processes serve one test's clients, all from 127.0.0.1. */
const ROOMY = { CONNECTIONS_PER_MINUTE_PER_ADDRESS: '100000', COMMANDS_PER_10S_PER_DEVICE: '100000', COMMANDS_IN_FLIGHT_PER_SOCKET: '100000', SOCKETS_PER_ADDRESS: '10000' };

/** `env` must name the store: REDIS_URL or REDIS_SENTINELS, or a DATA_DIR of the test's own (never the developer's ./data). */
export function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
	if (!env.REDIS_URL && !env.REDIS_SENTINELS && !env.DATA_DIR) throw new Error('give the server process REDIS_URL or a DATA_DIR of its own');
	// tests/helpers/redis.global.ts builds it before the tests; a stale one would test old code
	if (!serverIsFresh()) throw new Error(`${startCommand().entry} is missing or older than the sources: run \`npm run build\``);
	const child = spawn(process.execPath, [...startCommand().nodeFlags, entryPath()], {
		cwd: ROOT,
		env: { ...process.env, ...ROOMY, ...env, PORT: String(port), HOST: '127.0.0.1', BUILD_DIR: NO_PAGES },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr!.on('data', (data: Buffer) => {
		stderr += data.toString();
		process.stderr.write(data);
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('server process did not start')), START_TIMEOUT_MS);
		let seen: string | null = '';
		child.stdout!.on('data', (data: Buffer) => {
			if (seen === null) return; // started: the rest of its log is read and dropped
			seen += data.toString();
			const banner = seen.split('\n').slice(0, -1).find((line) => line.startsWith('Roomcast ') && line.includes(' is up on '));
			if (!banner) return;
			seen = null;
			clearTimeout(timer);
			resolve({
				url,
				banner,
				child,
				exited,
				async kill(signal = 'SIGKILL') {
					if (child.exitCode === null && child.signalCode === null) child.kill(signal);
					await exited;
				}
			});
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			// stderr may still be arriving: read it to its end first
			child.stderr!.once('end', () => reject(new EarlyExitError(code, stderr)));
			if (child.stderr!.readableEnded) reject(new EarlyExitError(code, stderr));
		});
	});
}
