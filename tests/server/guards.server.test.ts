import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createLimiters } from '../../server/limits.ts';
import { RETRYABLE } from '../../src/lib/protocol/errors.ts';
import { embeddedStore } from '../helpers/embedded.ts';
import { connectClient, connectRefused, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({
		store: await embeddedStore(),
		allowedOrigins: ['https://roomcast.example.org'],
		limiters: createLimiters({ commandsPer10sPerDevice: 20, codesPer10MinPerAddress: 3 })
	});
});
afterAll(() => server.close());

/** A socket as a browser page on `origin` would open it. */
function connectFrom(origin: string, auth: object) {
	const socket = connect(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin } });
	return new Promise<string>((resolve) => {
		socket.once('connect', () => resolve('connected'));
		socket.once('connect_error', (e) => resolve(`refused: ${e.message}`));
	}).finally(() => socket.close());
}

describe('origins', () => {
	it("[R46] a socket from another site's page is refused; the app's own origin and listed ones are let in", async () => {
		const keys = await createGroup(server.url);
		const auth = { groupId: keys.groupId, key: keys.remote };
		expect(await connectFrom('https://evil.example', auth)).toMatch(/^refused/);
		expect(await connectFrom(server.url, auth)).toBe('connected');
		expect(await connectFrom('https://roomcast.example.org', auth)).toBe('connected');
	});

	it('[R46] the API refuses a POST from another site', async () => {
		const res = await fetch(`${server.url}/api/groups`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
			body: JSON.stringify({ name: 'Monday group' })
		});
		expect(res.status).toBe(403);
		expect((await res.json()).error.code).toBe('forbidden');
	});

	it('[R47] pages and the API send the security headers', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.headers.get('referrer-policy')).toBe('no-referrer');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('rate limits', () => {
	it("[R45] a flood from one device is limited with an error ack; another group's commands still flow", async () => {
		const [a, b] = [await createGroup(server.url), await createGroup(server.url)];
		const flooder = await connectClient(server.url, { groupId: a.groupId, key: a.remote });
		const other = await connectClient(server.url, { groupId: b.groupId, key: b.remote });
		await other.send({ id: 'o0', type: 'session.start' });
		const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => flooder.send({ id: `f${i}`, type: 'headcount.arrive' })));
		const limited = flood.filter((ack) => !ack.ok && ack.error.code === 'rate_limited');
		expect(limited.length).toBeGreaterThan(0);
		expect(flood.filter((ack) => ack.ok).length).toBeLessThanOrEqual(20);
		expect(await other.send({ id: 'o1', type: 'queue.add', name: 'Tasha' })).toMatchObject({ ok: true });
		expect(flooder.socket.connected).toBe(true);
		for (const c of [flooder, other]) c.close();
	});

	it('[R45] asking for pairing codes is limited per address', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			const res = await fetch(`${server.url}/api/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			statuses.push(res.status);
		}
		expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
		expect(statuses.slice(3)).toEqual([429, 429]);
	});

	it('[R45] a device.pair past the guess limit is refused too_many_tries, which a page does not send again by itself', async () => {
		const tight = await startServer({ store: await embeddedStore(), limiters: createLimiters({ guessesPer10MinPerAddress: 2 }) });
		const keys = await createGroup(tight.url);
		const remote = await connectClient(tight.url, { groupId: keys.groupId, key: keys.remote });
		const guess = (n: number) => remote.send({ id: `g${n}`, type: 'device.pair', code: 'ZZZZ-ZZZZ', label: 'Projector' });
		expect(await guess(1)).toMatchObject({ ok: false, error: { code: 'code_refused' } });
		expect(await guess(2)).toMatchObject({ ok: false, error: { code: 'code_refused' } });
		expect(await guess(3)).toMatchObject({ ok: false, error: { code: 'too_many_tries', message: expect.stringMatching(/Wait a few minutes/) } });
		expect(RETRYABLE.has('too_many_tries')).toBe(false);
		remote.close();
		await tight.close();
	});

	it('[R45] too many connections from one address are refused with a clear error', async () => {
		const tight = await startServer({ store: await embeddedStore(), limiters: createLimiters({ connectionsPerMinutePerAddress: 2 }) });
		const keys = await createGroup(tight.url);
		const auth = { groupId: keys.groupId, key: keys.display };
		const first = await connectClient(tight.url, auth);
		const second = await connectClient(tight.url, auth);
		expect((await connectRefused(tight.url, auth)).data).toMatchObject({ code: 'rate_limited' });
		for (const c of [first, second]) c.close();
		await tight.close();
	});
});
