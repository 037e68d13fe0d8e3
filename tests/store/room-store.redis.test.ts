import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { apply, newRoom, storeContract } from './room-store.contract.ts';
import type { RedisConnection } from '../../server/redis.ts';

let t: TestRedis;
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(() => t.cleanup());

storeContract('redis', async () => ({
	store: createRedisStore(t.redis, { prefix: t.prefix }),
	otherNode: createRedisStore(t.redis, { prefix: t.prefix })
}));

/** Counts the calls that go to Redis through a connection, to check round trips per command. */
function countingConnection(redis: RedisConnection) {
	const counter = { calls: 0 };
	const proxy = new Proxy(redis, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (prop === 'eval' || prop === 'multi') return (...args: unknown[]) => (counter.calls++, (value as (...a: unknown[]) => unknown).apply(target, args));
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
	return { proxy: proxy as RedisConnection, counter };
}

describe('redis store', () => {
	it('[R27] every key it writes has a TTL, and the session key a shorter one', async () => {
		const store = createRedisStore(t.redis, { prefix: t.prefix, sessionTtlS: 600, groupTtlS: 86_400 });
		const room = newRoom();
		await store.create(room);
		await apply(store, room.state.groupId, { type: 'session.start' });
		const keys = (await t.keys()).filter((k) => k.includes(room.state.groupId));
		expect(keys).toHaveLength(2);
		for (const key of keys) {
			const ttl = await t.redis.ttl(key);
			expect(ttl, key).toBeGreaterThan(0);
			expect(ttl, key).toBeLessThanOrEqual(key.includes(':s:') ? 600 : 86_400);
		}
	});

	it('[R5] session.end deletes the session key', async () => {
		const store = createRedisStore(t.redis, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' });
		await apply(store, id, { type: 'board.addItem', column: 'left', text: 'Clean up while high' });
		expect(await t.redis.exists(`${t.prefix}:s:{${id}}`)).toBe(1);
		await apply(store, id, { type: 'session.end' });
		expect(await t.redis.exists(`${t.prefix}:s:{${id}}`)).toBe(0);
		expect(await t.redis.hGet(`${t.prefix}:g:{${id}}`, 'doc')).not.toContain('Clean up');
	});

	it('uses one round trip per command once the node has the group', async () => {
		const { proxy, counter } = countingConnection(t.redis);
		const store = createRedisStore(proxy, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' });
		const before = counter.calls;
		for (const name of ['Casey', 'Kurt', 'Tasha', 'Franco', 'Kyle']) await apply(store, id, { type: 'queue.add', name });
		expect(counter.calls - before).toBe(5);
	});

	it('[R22] a node with a stale copy rereads and retries instead of overwriting', async () => {
		const a = createRedisStore(t.redis, { prefix: t.prefix });
		const b = createRedisStore(t.redis, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await a.create(room);
		await apply(a, id, { type: 'session.start' }); // a caches version 2
		await apply(b, id, { type: 'queue.add', name: 'DJ' }); // b writes version 3
		await apply(a, id, { type: 'queue.add', name: 'Kellie' }); // a is stale: conflict, reload, retry
		const loaded = (await b.load(id))!;
		expect(loaded.state.version).toBe(4);
		expect(loaded.state.session!.queue.map((e) => e.name)).toEqual(['DJ', 'Kellie']);
	});

	it('[R22] a refusal judged on a stale copy is judged again on what Redis holds', async () => {
		const a = createRedisStore(t.redis, { prefix: t.prefix });
		const b = createRedisStore(t.redis, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await a.create(room);
		await b.load(id); // b caches the group before any session
		await apply(a, id, { type: 'session.start' });
		const result = await apply(b, id, { type: 'queue.add', name: 'Kellie' });
		expect(result).toMatchObject({ found: true, result: { ack: { ok: true, version: 3 } } });
	});

	it('[R27] a session that expired in Redis is not brought back by a node that still caches it', async () => {
		const store = createRedisStore(t.redis, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' });
		await t.redis.del(`${t.prefix}:s:{${id}}`); // what the TTL does when it runs out
		const result = await apply(store, id, { type: 'queue.add', name: 'Franco' });
		expect(result).toMatchObject({ found: true, result: { ack: { ok: false, error: { code: 'no_session' } } } });
		expect(await t.redis.exists(`${t.prefix}:s:{${id}}`)).toBe(0);
	});
});
