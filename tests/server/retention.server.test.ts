/**
 * Nothing outlives the session [R5][R27]: a canary typed through every text field of a session is
 * found nowhere in Redis after session.end, nor ever in the server's log; every key has a TTL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../server/backend.ts';
import { readConfig } from '../../server/config.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let t: TestRedis;
let backend: Backend;
let server: TestServer;
beforeAll(async () => {
	t = await openTestRedis();
	backend = await openBackend(readConfig({ REDIS_URL: t.url, REDIS_PREFIX: t.prefix }), createMemoryLogger());
	server = await startServer({ store: backend.store, codes: backend.codes, limiters: backend.limiters, adapter: backend.adapter });
});
afterAll(async () => {
	await server.close();
	await backend.close();
	await t.cleanup();
});

async function everyValue(): Promise<Array<{ key: string; value: string; ttl: number }>> {
	const out = [];
	for (const key of await t.keys()) {
		const type = await t.redis.type(key);
		const value = type === 'hash' ? JSON.stringify(await t.redis.hGetAll(key)) : type === 'string' ? ((await t.redis.get(key)) ?? '') : `(${type})`;
		out.push({ key, value, ttl: await t.redis.ttl(key) });
	}
	return out;
}

describe('what is kept', () => {
	it('[R5] session canaries are gone from Redis after session.end; no canary, code or key is ever logged', async () => {
		const keys = await createGroup(server.url);
		const remote = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
		const desk = await connectClient(server.url, { groupId: keys.groupId, key: keys.desk });
		const session = (field: string) => `CANARY-session-${field}-7f3a`;
		const kept = (field: string) => `CANARY-group-${field}-9c1e`;
		let n = 0;
		const send = async (c: Record<string, unknown>) => {
			const ack = await remote.send({ id: `c${n++}`, ...c });
			expect(ack, JSON.stringify(c)).toMatchObject({ ok: true });
			return ack;
		};

		await send({ type: 'session.start' });
		await send({ type: 'speaker.set', name: session('speaker') });
		await send({ type: 'queue.add', name: session('queue') });
		await send({ type: 'queue.add', name: session('queue-removed') });
		await send({ type: 'board.setTitle', title: session('title') });
		await send({ type: 'board.setHeading', column: 'left', text: session('heading') });
		await send({ type: 'board.addItem', column: 'left', text: session('item') });
		await send({ type: 'board.addDraft', column: 'right', text: session('draft') });
		await send({ type: 'parkingLot.add', text: session('parking') });
		const s = (await desk.waitFor((x) => x.session?.parkingLot.length === 1)).session!;
		await send({ type: 'board.editItem', itemId: s.board.columns.left[0].id, text: session('edited') });
		await send({ type: 'queue.remove', entryId: s.queue[1].id }); // into the trash
		// group settings are kept across sessions by design: they must still never be logged
		await send({ type: 'group.setOpeningWords', text: kept('opening') });
		await send({ type: 'group.setAgreements', agreements: [kept('agreement')] });
		await send({ type: 'topics.add', text: kept('topic') });
		await send({ type: 'device.rename', deviceId: remote.latest().devices[0].id, label: kept('device') });
		const invite = await send({ type: 'invite.create', label: kept('invite') });
		const pairing = await (await fetch(`${server.url}/api/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
		await send({ type: 'device.pair', code: pairing.code, label: kept('projector') });

		const during = (await everyValue()).map((v) => v.value).join('\n');
		expect(during).toContain(session('speaker')); // the check below is not vacuous
		await send({ type: 'session.end' });

		const values = await everyValue();
		const stored = values.map((v) => v.value).join('\n');
		expect(stored).not.toContain('CANARY-session');
		for (const { key, ttl } of values) expect(ttl, key).toBeGreaterThan(0);

		const log = server.log.lines.join('\n');
		expect(log).toContain('socket.connected'); // the log is not empty: it just never holds a typed word
		expect(log).not.toContain('CANARY');
		const secrets = [keys.remote, keys.desk, keys.display, pairing.code, pairing.token, invite.ok ? invite.invite!.code : 'x'];
		for (const secret of secrets) expect(log).not.toContain(secret);
		for (const c of [remote, desk]) c.close();
	});
});
