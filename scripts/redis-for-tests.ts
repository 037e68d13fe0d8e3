// A Redis for the tests: the one at TEST_REDIS_URL (default 127.0.0.1:6379) when it answers,
// otherwise a throwaway `redis-server` started here on a free port (and stopped by `stop()`).
// Tests never stop or flush a Redis they did not start: each uses a key prefix of its own.
import { spawn } from 'node:child_process';
import { createServer, connect, type AddressInfo } from 'node:net';

const DEFAULT_URL = 'redis://127.0.0.1:6379';

/** Resolves true when a Redis at `url` answers PING within `timeoutMs`. */
export function pingRedis(url: string, timeoutMs = 500): Promise<boolean> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const socket = connect({ host: hostname, port: Number(port || 6379) });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Starts `redis-server` on a free port; `extraArgs` e.g. ['--appendonly', 'yes', '--dir', dir]. */
export interface RedisProcess {
	url: string;
	port: number;
	pid: number | undefined;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startRedisServer(extraArgs = ['--save', '', '--appendonly', 'no'], port?: number): Promise<RedisProcess> {
	port ??= await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...extraArgs], {
		stdio: 'ignore'
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.once('error', () => {});
	const url = `redis://127.0.0.1:${port}`;
	const deadline = Date.now() + 10_000;
	while (!(await pingRedis(url))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error('redis-server did not start (is it installed? apt-get install redis-server)');
		}
		await new Promise((r) => setTimeout(r, 50)); // readiness poll, not a test pause
	}
	return {
		url,
		port,
		pid: child.pid,
		async stop(signal: NodeJS.Signals = 'SIGTERM') {
			if (child.exitCode === null) child.kill(signal);
			await exited;
		}
	};
}

export async function ensureRedis(): Promise<{ url: string; started: boolean; stop(): Promise<void> }> {
	const url = process.env.TEST_REDIS_URL || DEFAULT_URL;
	if (await pingRedis(url)) return { url, started: false, stop: async () => {} };
	const server = await startRedisServer();
	return { url: server.url, started: true, stop: () => server.stop() };
}
