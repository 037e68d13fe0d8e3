/**
 * Runs the production entry point, server/index.ts, as its own process (with a build of no pages),
 * so fault tests kill -9 it, SIGTERM it and start it again: its shutdown is the one they exercise.
 * Resolves once it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../server/index.ts', import.meta.url));
const NO_PAGES = fileURLToPath(new URL('./no-pages', import.meta.url));
/** Starting tsx on a busy machine can take long; the wait ends at once when the process says it listens. */
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
	url: string;
	child: ChildProcess;
	/** Resolves when the process has exited. */
	exited: Promise<void>;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The test's own limits: these processes serve one test's clients, all from 127.0.0.1. */
const ROOMY = { CONNECTIONS_PER_MINUTE_PER_ADDRESS: '100000', COMMANDS_PER_10S_PER_DEVICE: '100000', COMMANDS_IN_FLIGHT_PER_SOCKET: '100000', SOCKETS_PER_ADDRESS: '10000' };

export function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
		env: { ...process.env, ...ROOMY, ...env, PORT: String(port), HOST: '127.0.0.1', BUILD_DIR: NO_PAGES },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('server process did not start')), START_TIMEOUT_MS);
		let seen: string | null = '';
		child.stdout!.on('data', (data: Buffer) => {
			if (seen === null) return; // started: the rest of its log is read and dropped
			seen += data.toString();
			if (!seen.includes('"server.listening"')) return;
			seen = null;
			clearTimeout(timer);
			resolve({
				url,
				child,
				exited,
				async kill(signal = 'SIGKILL') {
					if (child.exitCode === null && child.signalCode === null) child.kill(signal);
					await exited;
				}
			});
		});
		child.once('exit', (code) => reject(new Error(`server process exited early (${code})`)));
	});
}
