/**
 * A Redis primary, one replica and three Sentinels of this test's own, on free loopback ports, each
 * in a temporary directory with persistence on (as the README's deployment), stopped and removed at
 * the end. The shared Redis on 6379 is never touched. Waiting is for conditions, with deadlines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { freePort, pingRedis } from '../../scripts/redis-for-tests.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { connectRedis, type RedisConnection } from '../../server/redis.ts';

export const SENTINEL_MASTER = 'roomcast-test';
const HOST = '127.0.0.1';

export interface SentinelCluster {
	sentinels: Array<{ host: string; port: number }>;
	/** `REDIS_SENTINELS` for a Roomcast node. */
	sentinelList: string;
	/** The port of the primary the Sentinels name now. */
	primaryPort(): Promise<number>;
	/** kill -9 of the current primary's process; resolves with its port. */
	killPrimary(): Promise<number>;
	/** Resolves when the Sentinels name a primary other than `oldPort`, and it answers as a primary. */
	promoted(oldPort: number, timeoutMs?: number): Promise<number>;
	/**
	 * Starts a killed node again on its port and data, as a supervisor would; the Sentinels make it a
	 * replica of the new primary. Resolves once the primary has it as an online replica.
	 */
	revive(port: number): Promise<void>;
	/** SIGSTOP / SIGCONT of the replica: it stops confirming writes, then catches up. */
	pauseReplica(): Promise<void>;
	resumeReplica(): Promise<void>;
	/** A plain connection to a data node (for reading what the store holds). */
	connect(port: number): Promise<RedisConnection>;
	stop(): Promise<void>;
}

interface Node {
	port: number;
	args: string[];
	child: ChildProcess;
	exited: Promise<unknown>;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check().catch(() => null);
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100)); // polling a process's readiness, not a test pause
	}
}

function launch(args: string[], port: number): Node {
	const child = spawn('redis-server', args, { stdio: 'ignore' });
	child.once('error', () => {});
	return { port, args, child, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function command(port: number, args: string[]): Promise<unknown> {
	const client = createClient({ url: `redis://${HOST}:${port}`, socket: { reconnectStrategy: false, connectTimeout: 1000 } });
	client.on('error', () => {});
	await client.connect();
	try {
		return await client.sendCommand(args);
	} finally {
		client.destroy();
	}
}

export async function startSentinelCluster(): Promise<SentinelCluster> {
	const dir = mkdtempSync(path.join(tmpdir(), 'roomcast-sentinel-'));
	const nodes: Node[] = [];
	const dataNode = async (name: string, extra: string[]) => {
		const port = await freePort();
		const nodeDir = mkdtempSync(path.join(dir, `${name}-`));
		const node = launch(['--port', String(port), '--bind', HOST, '--dir', nodeDir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', ...extra], port);
		nodes.push(node);
		await until(`${name} on ${port}`, () => pingRedis(`redis://${HOST}:${port}`));
		return node;
	};
	try {
		const primary = await dataNode('primary', []);
		await dataNode('replica', ['--replicaof', HOST, String(primary.port)]);
		await until('the replica in sync', async () => String(await command(primary.port, ['INFO', 'replication'])).includes('state=online'));
		const sentinels: Node[] = [];
		for (let i = 0; i < 3; i++) {
			const port = await freePort();
			const conf = path.join(dir, `sentinel-${i}.conf`);
			// a Sentinel rewrites its own config file: each gets one of its own
			writeFileSync(
				conf,
				[
					`port ${port}`,
					`bind ${HOST}`,
					`dir ${dir}`,
					`sentinel monitor ${SENTINEL_MASTER} ${HOST} ${primary.port} 2`,
					`sentinel down-after-milliseconds ${SENTINEL_MASTER} 1000`,
					`sentinel failover-timeout ${SENTINEL_MASTER} 5000`,
					`sentinel parallel-syncs ${SENTINEL_MASTER} 1`
				].join('\n') + '\n'
			);
			const node = launch([conf, '--sentinel'], port);
			nodes.push(node);
			sentinels.push(node);
		}
		// a failover needs the Sentinels to know the replica and each other (they meet through the primary)
		for (const s of sentinels) {
			await until(`sentinel ${s.port} sees its peers and the replica`, async () => {
				const [peers, replicas] = await Promise.all([command(s.port, ['SENTINEL', 'SENTINELS', SENTINEL_MASTER]), command(s.port, ['SENTINEL', 'REPLICAS', SENTINEL_MASTER])]);
				return (peers as unknown[]).length === 2 && (replicas as unknown[]).length === 1;
			});
		}
		const list = sentinels.map((s) => ({ host: HOST, port: s.port }));
		const primaryPort = async () => Number(((await command(sentinels[0].port, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER])) as string[])[1]);
		return {
			sentinels: list,
			sentinelList: list.map((s) => `${s.host}:${s.port}`).join(','),
			primaryPort,
			async killPrimary() {
				const port = await primaryPort();
				const node = nodes.find((n) => n.port === port);
				if (!node) throw new Error(`no process of this cluster listens on ${port}`);
				node.child.kill('SIGKILL');
				await node.exited;
				return port;
			},
			promoted: (oldPort, timeoutMs = 30_000) =>
				until(
					'a new primary',
					async () => {
						const port = await primaryPort();
						if (port === oldPort) return null;
						return String(await command(port, ['INFO', 'replication'])).includes('role:master') ? port : null;
					},
					timeoutMs
				),
			async revive(port) {
				const index = nodes.findIndex((n) => n.port === port);
				const node = launch(nodes[index].args, port);
				nodes[index] = node;
				await until(`${port} back`, () => pingRedis(`redis://${HOST}:${port}`));
				await until(
					`${port} an online replica of the new primary`,
					async () => String(await command(await primaryPort(), ['INFO', 'replication'])).includes(`port=${port},state=online`),
					30_000
				);
			},
			async pauseReplica() {
				const primary = await primaryPort();
				nodes.find((n) => n.port !== primary && !sentinels.includes(n))!.child.kill('SIGSTOP');
			},
			async resumeReplica() {
				const primary = await primaryPort();
				nodes.find((n) => n.port !== primary && !sentinels.includes(n))!.child.kill('SIGCONT');
			},
			connect: (port) => connectRedis(`redis://${HOST}:${port}`, createMemoryLogger(), 'test'),
			stop: () => stopAll(nodes, dir)
		};
	} catch (error) {
		await stopAll(nodes, dir);
		throw error;
	}
}

async function stopAll(nodes: Node[], dir: string) {
	for (const node of nodes)
		if (node.child.exitCode === null && node.child.signalCode === null) {
			node.child.kill('SIGCONT'); // a paused one must run to die
			node.child.kill('SIGKILL');
		}
	await Promise.all(nodes.map((n) => n.exited));
	rmSync(dir, { recursive: true, force: true });
}
