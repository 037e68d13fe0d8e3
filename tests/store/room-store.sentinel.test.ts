/**
 * The Redis store through Sentinel, acknowledging a write only once a replica has it [R80]: the same
 * contract as every store, on a primary, a replica and three Sentinels of this file's own.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/log.ts';
import { connectRedis, type RedisConnection } from '../../server/redis.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { StoreUnavailableError } from '../../server/store/room-store.ts';
import { SENTINEL_MASTER, startSentinelCluster, type SentinelCluster } from '../helpers/sentinel-cluster.ts';
import { apply, newRoom, storeContract } from './room-store.contract.ts';

let cluster: SentinelCluster;
let redis: RedisConnection;
/** Another node's own connection (a node pipelines its commands, and its WAITs, on its own). */
let otherRedis: RedisConnection;
const prefix = `rc-sentinel-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
	cluster = await startSentinelCluster();
	const target = { kind: 'sentinel', sentinels: cluster.sentinels, master: SENTINEL_MASTER } as const;
	redis = await connectRedis(target, createMemoryLogger(), 'test');
	otherRedis = await connectRedis(target, createMemoryLogger(), 'test');
}, 60_000);
afterAll(async () => {
	await redis?.close();
	await otherRedis?.close();
	await cluster?.stop();
});

const replicated = (options: { replicaTimeoutMs?: number } = {}, connection = redis) => createRedisStore(connection, { prefix, minReplicas: 1, ...options });

storeContract('redis through sentinel, one replica confirming', async () => ({ store: replicated(), otherNode: replicated({}, otherRedis) }));

describe('[R80] acknowledged once a replica has it', () => {
	it('[R80] a write the replica did not confirm is refused as retryable; its retry is answered once, from the first write', async () => {
		const store = replicated({ replicaTimeoutMs: 300 });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' });

		await cluster.pauseReplica();
		try {
			await expect(apply(store, id, { type: 'queue.add', name: 'Casey' }, 'casey-1')).rejects.toBeInstanceOf(StoreUnavailableError);
			// still behind: the retry is answered from the group's record of the first write, and refused too
			await expect(apply(store, id, { type: 'queue.add', name: 'Casey' }, 'casey-1')).rejects.toBeInstanceOf(StoreUnavailableError);
		} finally {
			await cluster.resumeReplica();
		}
		const retried = await apply(store, id, { type: 'queue.add', name: 'Casey' }, 'casey-1');
		expect(retried).toMatchObject({ found: true, result: { ack: { ok: true, version: 3 } } });
		const stored = await store.load(id);
		expect(stored!.state.session!.queue.map((e) => e.name)).toEqual(['Casey']);
		expect(stored!.state.version).toBe(3);
	});
});
