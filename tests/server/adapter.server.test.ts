/**
 * The cross-node adapter (server/adapter.ts): this node's devices first, the other nodes' copy
 * published without waiting, and a node's own echo dropped unread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoomcastAdapter, isOwnMessage } from '../../server/adapter.ts';
import { openBackend, type Backend } from '../../server/backend.ts';
import { readConfig } from '../../server/config.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { connectRedis, type RedisConnection } from '../../server/redis.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let t: TestRedis;
const closing: Array<{ close(): Promise<unknown> | void }> = [];
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(async () => {
	for (const thing of closing.reverse()) await thing.close();
	await t.cleanup();
});

async function nodeWithBackend(): Promise<TestServer> {
	const backend: Backend = await openBackend(readConfig({ REDIS_URL: t.url, REDIS_PREFIX: t.prefix }), createMemoryLogger());
	const server = await startServer({ store: backend.store, adapter: backend.adapter });
	closing.push(backend, server);
	return server;
}

/** A node whose pub/sub connections go through `proxy` (its store connects straight to Redis). */
async function nodeBehind(proxy: TcpProxy): Promise<TestServer> {
	const log = createMemoryLogger();
	const viaProxy = `redis://127.0.0.1:${new URL(proxy.url).port}`;
	const pub: RedisConnection = await connectRedis(viaProxy, log, 'pubsub');
	const sub = pub.duplicate();
	sub.on('error', () => {});
	await sub.connect();
	const server = await startServer({ store: createRedisStore(t.redis, { prefix: t.prefix }), adapter: createRoomcastAdapter(pub, sub, `${t.prefix}:sio`) });
	closing.push({ close: () => Promise.allSettled([pub.close(), sub.close()]) }, server);
	return server;
}

describe('the cross-node adapter', () => {
	it("[R22] a node's own projector gets a change without waiting for Redis to carry it to the other nodes", async () => {
		const proxy = await startTcpProxy(Number(new URL(t.url).port));
		closing.push(proxy);
		const a = await nodeBehind(proxy);
		const b = await nodeWithBackend();
		const keys = await createGroup(a.url);
		const remote = await connectClient(a.url, { groupId: keys.groupId, key: keys.remote });
		const displayOnA = await connectClient(a.url, { groupId: keys.groupId, key: keys.display });
		const displayOnB = await connectClient(b.url, { groupId: keys.groupId, key: keys.display });
		await remote.send({ id: 'a1', type: 'session.start' });
		await displayOnB.waitFor((s) => s.session !== null, 'the session on node B');

		proxy.stall(); // node A's publishes now hang: no answer, no error
		try {
			const ack = await remote.send({ id: 'a2', type: 'speaker.set', name: 'Casey' });
			expect(ack).toEqual({ ok: true, version: 3 });
			await displayOnA.waitFor((s) => s.version === 3, 'version 3 on the projector of node A');
			expect(displayOnB.latest().version).toBe(2);
		} finally {
			proxy.resume(); // and the copy for node B arrives, in order
		}
		const onB = await displayOnB.waitFor((s) => s.version === 3, 'version 3 on node B');
		expect(onB.session?.speaker?.name).toBe('Casey');
		for (const c of [remote, displayOnA, displayOnB]) c.close();
	});

	it('recognises its own messages by their last keys only', () => {
		const uid = 'a1b2c3d4e5f6a7b8';
		const suffix = Buffer.from(`,"uid":"${uid}","nsp":"/"}`);
		const message = (from: string, speaker: string) =>
			Buffer.from(JSON.stringify({ type: 3, data: { packet: { type: 2, data: ['state', { speaker }], nsp: '/' }, opts: { rooms: ['g:x:display'], except: [] } }, uid: from, nsp: '/' }));
		expect(isOwnMessage(message(uid, 'Kyle'), suffix)).toBe(true);
		expect(isOwnMessage(message('f0e1d2c3b4a59687', 'Kyle'), suffix)).toBe(false);
		// text a person typed cannot pass for the ending: its quotes arrive escaped
		expect(isOwnMessage(message('f0e1d2c3b4a59687', `x","uid":"${uid}","nsp":"/"}`), suffix)).toBe(false);
	});
});
