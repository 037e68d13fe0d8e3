import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { LIMITS } from '../../src/lib/protocol/protocol.ts';
import { startServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore() });
});
afterAll(() => server.close());

const post = (body: string, type = 'application/json') =>
	fetch(`${server.url}/api/groups`, { method: 'POST', headers: { 'content-type': type }, body });

describe('POST /api/groups', () => {
	it('creates a group: 201 with absolute links whose credential sits only in the fragment', async () => {
		const res = await post(JSON.stringify({ name: 'Monday group' }));
		expect(res.status).toBe(201);
		const body = await res.json();
		expect(body.groupId).toMatch(/^[A-Za-z0-9_-]{22}$/);
		const keys = new Set<string>();
		for (const kind of ['remote', 'desk', 'display'] as const) {
			const link = new URL(body.links[kind]);
			expect(link.origin).toBe(server.url);
			expect(link.pathname).toBe(`/g/${body.groupId}/${kind}`);
			expect(link.search).toBe('');
			const key = new URLSearchParams(link.hash.slice(1)).get('key')!;
			expect(key.length).toBeGreaterThanOrEqual(43);
			keys.add(key);
		}
		expect(keys.size).toBe(3);
	});

	it('refuses bad bodies with a code and a sentence', async () => {
		const cases: Array<[string, string, number]> = [
			['not json', 'application/json', 400],
			['[]', 'application/json', 400],
			['{}', 'application/json', 400],
			['{"name":""}', 'application/json', 400],
			['{"name":42}', 'application/json', 400],
			[JSON.stringify({ name: 'x'.repeat(LIMITS.GROUP_NAME_MAX_CHARS + 1) }), 'application/json', 400],
			['{"name":"Monday","admin":true}', 'application/json', 400],
			['name=Monday', 'application/x-www-form-urlencoded', 400],
			[JSON.stringify({ name: 'x'.repeat(LIMITS.HTTP_BODY_MAX_BYTES) }), 'application/json', 413]
		];
		for (const [body, type, status] of cases) {
			const res = await post(body, type);
			expect(res.status, body.slice(0, 40)).toBe(status);
			const json = await res.json();
			expect(json.error.code).toMatch(/^[a-z_]+$/);
			expect(json.error.message.length).toBeGreaterThan(10);
		}
	});

	it('answers unknown API paths with JSON 404, and /healthz with the store kind, the version and the uptime', async () => {
		const missing = await fetch(`${server.url}/api/nothing`);
		expect(missing.status).toBe(404);
		expect((await missing.json()).error.code).toBe('not_found');
		const health = await fetch(`${server.url}/healthz`);
		expect(await health.json()).toEqual({ ok: true, store: 'embedded', version: 'development', uptimeS: expect.any(Number) });
	});
});
