/**
 * What HTTP answers say (issue 13): the security headers on Engine.IO's own answers too [R47], one
 * answer for one outage on every route [R51], and messages that say what was actually wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeStore } from '../../server/codes/code-store.ts';
import { embeddedCodes } from '../helpers/embedded.ts';
import { embeddedStore } from '../helpers/embedded.ts';
import { StoreUnavailableError } from '../../server/store/room-store.ts';
import { startServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let codesDown = false;
beforeAll(async () => {
	const codes = await embeddedCodes();
	// a code store that fails as the Redis one does while Redis is away
	const failing = Object.fromEntries(
		Object.entries(codes).map(([name, fn]) => [
			name,
			(...args: unknown[]) => (codesDown ? Promise.reject(new StoreUnavailableError()) : (fn as (...a: unknown[]) => unknown)(...args))
		])
	) as unknown as CodeStore;
	server = await startServer({ store: await embeddedStore(), codes: failing });
});
afterAll(() => server.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('headers', () => {
	it("[R47] Engine.IO's own answers carry the security headers too", async () => {
		const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
		expect(res.status).toBe(400);
		expect(res.headers.get('referrer-policy')).toBe('no-referrer');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('an outage', () => {
	it('[R51] pairing and invite routes answer 503 unavailable, as group creation does', async () => {
		codesDown = true;
		try {
			for (const [path, body] of [
				['/api/pairings', '{}'],
				['/api/pairings/poll', '{"code":"K7PD-3MXA","token":"t"}'],
				['/api/invites/redeem', '{"code":"K7PD-3MXA"}']
			]) {
				const res = await post(path, body);
				expect(res.status, path).toBe(503);
				expect((await res.json()).error.code, path).toBe('unavailable');
			}
		} finally {
			codesDown = false;
		}
	});
});

describe('messages say what was wrong', () => {
	it('a pairing body over its limit is refused with that limit in words', async () => {
		const res = await post('/api/pairings', JSON.stringify({ publicKey: 'x'.repeat(2000) }));
		expect(res.status).toBe(413);
		expect((await res.json()).error.message).toBe('The request body is larger than 1024 bytes.');
	});

	it('a body in an unknown encoding is not called invalid JSON', async () => {
		const res = await post('/api/groups', '{"name":"Monday group"}', { 'content-encoding': 'bogus' });
		expect(res.status).toBe(415);
		expect((await res.json()).error.message).toMatch(/encoding/);
	});
});
