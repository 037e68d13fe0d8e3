/** Starts tests/helpers/server-entry.ts as its own process; resolves once it listens. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./server-entry.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;

export interface ServerProcess {
	url: string;
	child: ChildProcess;
	/** Resolves when the process has exited. */
	exited: Promise<void>;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('server process did not start')), START_TIMEOUT_MS);
		child.stdout!.on('data', (data: Buffer) => {
			if (!data.toString().includes('ready')) return;
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
