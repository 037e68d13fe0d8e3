import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { io as connect } from 'socket.io-client';
import { connectClient, connectRefused, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore() });
});
afterAll(() => server.close());

describe('handshake', () => {
	it('[R25] a missing, malformed or wrong credential and an unknown group get the same refusal', async () => {
		const keys = await createGroup(server.url);
		const other = await createGroup(server.url, 'Wednesday group');
		const attempts: unknown[] = [
			undefined,
			{},
			{ groupId: keys.groupId },
			{ groupId: keys.groupId, key: 42 },
			{ groupId: keys.groupId, key: 'guess' },
			{ groupId: keys.groupId, key: other.remote },
			{ groupId: 'no-such-group', key: keys.remote },
			{ groupId: keys.groupId, key: 'k'.repeat(300) }
		];
		const refusals = await Promise.all(attempts.map((auth) => connectRefused(server.url, auth)));
		for (const refusal of refusals) {
			expect(refusal.message).toBe(refusals[0].message);
			expect(refusal.data).toEqual({ code: 'forbidden', message: refusal.message });
		}
	});

	it('[R20] a handshake over the message size limit is closed without an answer', async () => {
		const socket = connect(server.url, { auth: { groupId: 'x', key: 'k'.repeat(10_000) }, transports: ['websocket'], reconnection: false, forceNew: true });
		const outcome = await new Promise<string>((resolve) => {
			socket.once('connect', () => resolve('connected'));
			socket.io.once('close', () => resolve('closed'));
		});
		expect(outcome).toBe('closed');
		socket.close();
	});

	it('takes the role from the credential, not from anything the client claims', async () => {
		const keys = await createGroup(server.url);
		const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display, role: 'facilitator' });
		const ack = await display.send({ id: 'a1', type: 'session.start' });
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		display.close();
	});
});
