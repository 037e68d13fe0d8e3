import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { apply, newRoom, storeContract } from './room-store.contract.ts';
import { connectRedis, type RedisConnection } from '../../server/redis.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { StoreUnavailableError } from '../../server/store/room-store.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { startRedisServer } from '../../scripts/redis-for-tests.ts';

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
			if (prop === 'eval' || prop === 'evalSha' || prop === 'multi') return (...args: unknown[]) => (counter.calls++, (value as (...a: unknown[]) => unknown).apply(target, args));
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
		expect(keys.map((k) => k.split(':').at(-2)).sort()).toEqual(['g', 'r', 's']); // group, recent ids, session
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

	it('writes only what changed: a session command leaves the group doc as it was', async () => {
		const store = createRedisStore(t.redis, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' });
		const docBefore = await t.redis.hGet(`${t.prefix}:g:{${id}}`, 'doc');
		await apply(store, id, { type: 'queue.add', name: 'Casey' });
		await apply(store, id, { type: 'speaker.set', name: 'Kurt' });
		expect(await t.redis.hGet(`${t.prefix}:g:{${id}}`, 'doc')).toBe(docBefore);
		await apply(store, id, { type: 'group.rename', name: 'Monday drop-in' });
		expect(await t.redis.hGet(`${t.prefix}:g:{${id}}`, 'doc')).not.toBe(docBefore);
		// and another node reads all of it back
		const loaded = (await createRedisStore(t.redis, { prefix: t.prefix }).load(id))!;
		expect(loaded).toEqual((await store.load(id))!);
		expect(loaded.state).toMatchObject({ version: 5, group: { name: 'Monday drop-in' }, session: { speaker: { name: 'Kurt' } } });
		expect(loaded.recent.map(([, version]) => version)).toEqual([2, 3, 4, 5]);
	});

	it('[R18] command ids kept inside a doc written before the recent list are still answered', async () => {
		const store = createRedisStore(t.redis, { prefix: t.prefix });
		const room = newRoom();
		const id = room.state.groupId;
		await store.create(room);
		await apply(store, id, { type: 'session.start' }, 'old1');
		await apply(store, id, { type: 'queue.add', name: 'Tasha' }, 'old2');
		// rewrite the group as the store wrote it before: the ids in the doc, no list
		const { session: _session, ...state } = (await store.load(id))!.state;
		const legacy = { state, keys: room.keys, recent: [['old1', 2], ['old2', 3]] };
		await t.redis.hSet(`${t.prefix}:g:{${id}}`, 'doc', JSON.stringify(legacy));
		await t.redis.del(`${t.prefix}:r:{${id}}`);
		const fresh = createRedisStore(t.redis, { prefix: t.prefix });
		expect(await apply(fresh, id, { type: 'queue.add', name: 'Tasha' }, 'old2')).toMatchObject({ result: { ack: { ok: true, version: 3 } } });
		await apply(fresh, id, { type: 'queue.add', name: 'Vaughn' }, 'new1');
		const after = createRedisStore(t.redis, { prefix: t.prefix });
		expect(await apply(after, id, { type: 'session.start' }, 'old1')).toMatchObject({ result: { ack: { ok: true, version: 2 } } });
		expect((await after.load(id))!.recent.map(([commandId]) => commandId)).toEqual(['old1', 'old2', 'new1']);
	});

	it('[R50] a Redis that stops answering fails the command as unavailable; nothing is lost once it answers again', async () => {
		const proxy = await startTcpProxy(Number(new URL(t.url).port));
		const hung = await connectRedis(`redis://127.0.0.1:${new URL(proxy.url).port}`, createMemoryLogger(), 'store');
		try {
			const store = createRedisStore(hung, { prefix: t.prefix, timeoutMs: 300 });
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			await apply(store, id, { type: 'session.start' });
			proxy.stall();
			await expect(apply(store, id, { type: 'queue.add', name: 'Vaughn' }, 'h1')).rejects.toBeInstanceOf(StoreUnavailableError);
			expect(await store.ping()).toBe(false);
			proxy.resume();
			// the write held in the stalled link may land late; the device's retry (same id) is answered once
			await expect(apply(store, id, { type: 'queue.add', name: 'Vaughn' }, 'h1')).resolves.toMatchObject({ result: { ack: { ok: true } } });
			const loaded = (await createRedisStore(t.redis, { prefix: t.prefix }).load(id))!;
			expect(loaded.state.session!.queue.map((e) => e.name)).toEqual(['Vaughn']);
		} finally {
			await hung.close().catch(() => {});
			await proxy.close();
		}
	});

	it('a Redis that does not know the write script yet (new, restarted) is sent it once, then only its hash', async () => {
		const fresh = await startRedisServer(); // a Redis of its own: no script loaded
		const redis = await connectRedis(fresh.url, createMemoryLogger(), 'store');
		try {
			const { proxy, counter } = countingConnection(redis);
			const store = createRedisStore(proxy, { prefix: t.prefix });
			const room = newRoom();
			const id = room.state.groupId;
			await store.create(room);
			await apply(store, id, { type: 'session.start' }); // EVALSHA refused (NOSCRIPT), then EVAL
			const before = counter.calls;
			await apply(store, id, { type: 'queue.add', name: 'Kyle' });
			expect(counter.calls - before).toBe(1);
			const info = await redis.info('commandstats');
			expect(info).toMatch(/cmdstat_evalsha:calls=2,/);
			expect(info).toMatch(/cmdstat_eval:calls=2,/); // the create, and the one fallback
			expect((await store.load(id))!.state.session!.queue.map((e) => e.name)).toEqual(['Kyle']);
		} finally {
			await redis.close();
			await fresh.stop();
		}
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
