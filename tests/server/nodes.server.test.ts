import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../server/backend.ts';
import { readConfig } from '../../server/config.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup, disconnected, startServer, type TestServer } from '../helpers/test-server.ts';

let t: TestRedis;
const opened: Array<Backend | TestServer> = [];
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(async () => {
	for (const thing of opened.reverse()) await thing.close();
	await t.cleanup();
});

/** A server node as `npm start` makes it: Redis store plus the sharded Redis adapter. */
async function startNode(): Promise<TestServer> {
	const config = readConfig({ REDIS_URL: t.url, REDIS_PREFIX: t.prefix });
	const backend = await openBackend(config, createMemoryLogger());
	const server = await startServer({ store: backend.store, adapter: backend.adapter });
	opened.push(backend, server);
	return server;
}

describe('server nodes sharing one Redis', () => {
	it('restart of the server keeps the state', async () => {
		const first = await startNode();
		const keys = await createGroup(first.url);
		const remote = await connectClient(first.url, { groupId: keys.groupId, key: keys.remote });
		await remote.send({ id: 's1', type: 'session.start' });
		await remote.send({ id: 's2', type: 'speaker.set', name: 'Casey' });
		await remote.send({ id: 's3', type: 'feedback.set', permission: 'granted' });
		const ack = await remote.send({ id: 's4', type: 'board.addItem', column: 'right', text: 'Could lose the apartment' });
		const before = await remote.waitFor((s) => ack.ok && s.version === ack.version);
		remote.close();
		await first.close();

		const second = await startNode();
		const display = await connectClient(second.url, { groupId: keys.groupId, key: keys.display });
		expect(display.latest()).toEqual(viewFor('display', before));
		expect(display.latest().version).toBe(ack.ok ? ack.version : -1);
		// and a retry of a command acknowledged before the restart is still answered, not applied again
		const desk = await connectClient(second.url, { groupId: keys.groupId, key: keys.desk });
		expect(await desk.send({ id: 's4', type: 'board.addItem', column: 'right', text: 'Could lose the apartment' })).toEqual(ack);
		display.close();
		desk.close();
	});

	it('[R22] a remote on node A and a display on node B stay in step', async () => {
		const [a, b] = [await startNode(), await startNode()];
		const keys = await createGroup(a.url);
		const remote = await connectClient(a.url, { groupId: keys.groupId, key: keys.remote });
		const desk = await connectClient(b.url, { groupId: keys.groupId, key: keys.desk });
		const display = await connectClient(b.url, { groupId: keys.groupId, key: keys.display });
		// each node's cached copy goes stale in turn: a refusal or write on it must not be trusted
		expect(await remote.send({ id: 'n1', type: 'session.start' })).toEqual({ ok: true, version: 2 });
		expect(await remote.send({ id: 'n2', type: 'queue.add', name: 'Kurt' })).toEqual({ ok: true, version: 3 });
		expect(await desk.send({ id: 'n3', type: 'queue.add', name: 'Kellie' })).toEqual({ ok: true, version: 4 });
		expect(await remote.send({ id: 'n4', type: 'queue.add', name: 'Franco' })).toEqual({ ok: true, version: 5 });
		const seen = await display.waitFor((s) => s.version === 5, 'version 5 on node B');
		expect(seen.session!.queue.map((e) => e.name)).toEqual(['Kurt', 'Kellie', 'Franco']);
		expect((await remote.waitFor((s) => s.version === 5)).session).toEqual(seen.session);
		for (const c of [remote, desk, display]) c.close();
	});

	it('[R42] a projector on node B removed from a phone on node A is told and disconnected', async () => {
		const [a, b] = [await startNode(), await startNode()];
		const keys = await createGroup(a.url);
		const remote = await connectClient(a.url, { groupId: keys.groupId, key: keys.remote });
		const display = await connectClient(b.url, { groupId: keys.groupId, key: keys.display });
		const desk = await connectClient(b.url, { groupId: keys.groupId, key: keys.desk });
		const projector = remote.latest().devices.find((d) => d.role === 'display')!;
		const told = new Promise<void>((resolve) => display.socket.once('revoked', () => resolve()));
		const gone = disconnected(display.socket);
		expect(await remote.send({ id: 'v1', type: 'device.revoke', deviceId: projector.id })).toMatchObject({ ok: true });
		await told;
		await gone;
		// the other device on node B stays, and hears of the change
		await desk.waitFor((s) => !s.devices.some((d) => d.id === projector.id), 'the projector gone from the list');
		expect(desk.socket.connected).toBe(true);
		for (const c of [remote, desk]) c.close();
	});
});
