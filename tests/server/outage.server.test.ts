/**
 * A Redis that stalls (its connection open, nothing answered) [R51]: handshakes and pairing answer
 * `unavailable` within a few seconds instead of hanging, and a command refused `unavailable` may
 * still land when Redis resumes, so it says so, and its retry (same id) applies it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { openBackend, type Backend } from '../../server/backend.ts';
import { readConfig } from '../../server/config.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let t: TestRedis;
let proxy: TcpProxy;
let backend: Backend;
let server: TestServer;
beforeAll(async () => {
	t = await openTestRedis();
	proxy = await startTcpProxy(Number(new URL(t.url).port));
	const config = readConfig({ REDIS_URL: proxy.url.replace('http:', 'redis:'), REDIS_PREFIX: t.prefix });
	backend = await openBackend(config, createMemoryLogger());
	server = await startServer({ ...backend });
});
afterAll(async () => {
	proxy.resume();
	await server.close();
	await backend.close();
	await proxy.close();
	await t.cleanup();
});

/** How long a refusal may take while Redis stalls: the limiter's 2 s, then the store's 5 s. */
const ANSWER_WITHIN_MS = 9000;

function handshake(auth: object): Promise<{ data?: { code?: string } } | 'connected'> {
	const socket = connect(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the handshake hung')), ANSWER_WITHIN_MS + 2000);
		const done = (answer: { data?: { code?: string } } | 'connected') => {
			clearTimeout(timer);
			socket.close();
			resolve(answer);
		};
		socket.once('connect_error', (error) => done(error as { data?: { code?: string } }));
		socket.once('connect', () => done('connected'));
	});
}

describe('a stalled Redis', () => {
	it('[R51] a handshake and a pairing request answer unavailable instead of hanging', { timeout: 30_000 }, async () => {
		const keys = await createGroup(server.url);
		proxy.stall();
		try {
			const started = Date.now();
			expect(await handshake({ groupId: keys.groupId, key: keys.remote })).toMatchObject({ data: { code: 'unavailable' } });
			expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
			const res = await fetch(`${server.url}/api/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			expect(res.status).toBe(503);
			expect((await res.json()).error.code).toBe('unavailable');
		} finally {
			proxy.resume();
		}
	});

	it('[R51] a command refused unavailable says it may not have been saved; sent again, it applies once', { timeout: 30_000 }, async () => {
		const keys = await createGroup(server.url);
		const remote = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
		expect(await remote.send({ id: 'o1', type: 'session.start' })).toMatchObject({ ok: true });
		proxy.stall();
		let refused;
		try {
			refused = await remote.socket.timeout(ANSWER_WITHIN_MS).emitWithAck('command', { id: 'o2', type: 'queue.add', name: 'Casey' } as never);
		} finally {
			proxy.resume(); // the write held in the stall lands now
		}
		expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/may not have been saved/) } });
		const again = await remote.send({ id: 'o2', type: 'queue.add', name: 'Casey' });
		expect(again).toMatchObject({ ok: true });
		const after = await remote.waitFor((s) => again.ok && s.version >= again.version);
		expect(after.session!.queue.map((e) => e.name)).toEqual(['Casey']);
		remote.close();
	});
});
