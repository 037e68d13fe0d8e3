/**
 * Issue 14's figures, on a primary, one replica and three Sentinels of the bench's own:
 * - what a command pays for REDIS_MIN_REPLICAS=1 (its `WAIT`), against 0 in the same run, with the
 *   same groups and load, the two taking turns;
 * - the time from kill -9 of the primary until every device is current again: each group's remote
 *   sends one tap (again with the same id until it is acknowledged, as the outbox does) and the time
 *   ends when every group's display holds it. A supervisor starts the old primary again once a
 *   replica is promoted (with one replica, nothing can be confirmed until it is back).
 */
import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { createLogger } from '../../server/log.ts';
import { connectRedis } from '../../server/redis.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { PROTOCOL_VERSION, type CommandAck, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { SENTINEL_MASTER, startSentinelCluster } from '../helpers/sentinel-cluster.ts';
import { Fleet, type LatencyResult } from './fleet.ts';
import { startServer } from './processes.ts';
import { seedGroups, type BenchGroup } from './seed.ts';
import type { Timing } from './sweep.ts';

export interface ReplicationResult {
	groups: number;
	/** p50/p99 of tap-to-projector with each setting, best of the rounds. */
	unreplicated: LatencyResult;
	replicated: LatencyResult;
	/** replicated / unreplicated, same run. */
	p50Ratio: number;
	p99Ratio: number;
	failover: {
		groups: number;
		/** kill -9 until the Sentinels named a new primary that answers. */
		promotedAfterMs: number;
		/** kill -9 until every group's display shows a tap made after the kill. */
		everyDeviceCurrentAfterMs: number;
	};
}

const RETRY_DELAY_MS = 200;

export async function replication(opts: { port: number; logFile: string; groups: number; failoverGroups: number; rounds: number; timing: Timing }): Promise<ReplicationResult> {
	const cluster = await startSentinelCluster();
	const prefix = `rc-bench-repl-${randomBytes(4).toString('hex')}`;
	const env = (minReplicas: number) => ({ REDIS_SENTINELS: cluster.sentinelList, REDIS_SENTINEL_MASTER: SENTINEL_MASTER, REDIS_PREFIX: prefix, REDIS_MIN_REPLICAS: String(minReplicas) });
	try {
		const redis = await connectRedis({ kind: 'sentinel', sentinels: cluster.sentinels, master: SENTINEL_MASTER }, createLogger(() => {}), 'bench');
		const groups = await seedGroups(createRedisStore(redis, { prefix }), opts.groups).finally(() => redis.close());

		const runs: Record<0 | 1, LatencyResult[]> = { 0: [], 1: [] };
		for (let round = 0; round < opts.rounds; round++)
			for (const minReplicas of [0, 1] as const) {
				const server = await startServer({ kind: 'app', port: opts.port, env: env(minReplicas), logFile: opts.logFile });
				const fleet = new Fleet();
				try {
					await fleet.add(groups, { controller: server.url, display: server.url });
					runs[minReplicas].push(await fleet.drive({ groups: groups.length, burst: false, ...opts.timing }));
				} finally {
					fleet.close();
					await server.kill();
				}
			}
		const best = (list: LatencyResult[]) => list.reduce((a, b) => (b.p99Ms < a.p99Ms ? b : a));
		const [unreplicated, replicated] = [best(runs[0]), best(runs[1])];

		const server = await startServer({ kind: 'app', port: opts.port, env: env(1), logFile: opts.logFile });
		try {
			const failover = await recovery(server.url, groups.slice(0, opts.failoverGroups), cluster);
			return {
				groups: groups.length,
				unreplicated,
				replicated,
				p50Ratio: replicated.p50Ms / unreplicated.p50Ms,
				p99Ratio: replicated.p99Ms / unreplicated.p99Ms,
				failover: { groups: Math.min(opts.failoverGroups, groups.length), ...failover }
			};
		} finally {
			await server.kill();
		}
	} finally {
		await cluster.stop();
	}
}

async function recovery(url: string, groups: BenchGroup[], cluster: Awaited<ReturnType<typeof startSentinelCluster>>) {
	const open = (group: BenchGroup, key: string) =>
		new Promise<Socket & { version: number }>((resolve, reject) => {
			const socket = connect(url, { auth: { groupId: group.groupId, key, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true }) as Socket & { version: number };
			socket.version = 0;
			socket.on('state', (s: RoomState) => void (socket.version = Math.max(socket.version, s.version)));
			socket.once('state', () => resolve(socket));
			socket.once('connect_error', reject);
		});
	const devices = await Promise.all(groups.map(async (g) => ({ remote: await open(g, g.remote), display: await open(g, g.display) })));
	try {
		const killedAt = performance.now();
		const oldPrimary = await cluster.killPrimary();
		const promotion = cluster.promoted(oldPrimary).then(async () => {
			const promotedAfterMs = performance.now() - killedAt;
			await cluster.revive(oldPrimary);
			return promotedAfterMs;
		});
		await Promise.all(
			devices.map(async ({ remote, display }, i) => {
				const command = { id: `failover-${i}-${randomBytes(3).toString('hex')}`, type: 'headcount.arrive' };
				let version = 0;
				while (!version) {
					const ack = (await remote.timeout(3000).emitWithAck('command', command).catch(() => null)) as CommandAck | null;
					if (ack?.ok) version = ack.version;
					else await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS)); // the outbox's retry delay
				}
				if (display.version < version) await new Promise<void>((resolve) => display.on('state', (s: RoomState) => s.version >= version && resolve()));
			})
		);
		return { everyDeviceCurrentAfterMs: performance.now() - killedAt, promotedAfterMs: await promotion };
	} finally {
		for (const d of devices) d.remote.close(), d.display.close();
	}
}
