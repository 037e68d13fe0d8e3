/**
 * Never lose a tap [R50][R51]: real server processes killed with SIGKILL, a Redis stopped and started
 * again, and a phone whose network drops while the desk goes on. Clients are the pages' own
 * RoomConnection, outbox and all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedisServer } from '../../scripts/redis-for-tests.ts';
import { RoomConnection } from '../../src/lib/client/room-connection.svelte.ts';
import type { CommandInput, RoomState } from '../../src/lib/protocol/protocol.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { startTcpProxy, until } from '../helpers/tcp-proxy.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup } from '../helpers/test-server.ts';

let t: TestRedis;
const processes: ServerProcess[] = [];
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(async () => {
	for (const p of processes) await p.kill();
	await t.cleanup();
});

async function node(port: number, env: Record<string, string>) {
	const p = await startServerProcess(port, env);
	processes.push(p);
	return p;
}

const remoteOf = (groupId: string, key: string, url: string) => new RoomConnection(groupId, key, { url, retryDelayMs: 100, storage: null });
const names = (s: RoomState | null) => s?.session?.queue.map((e) => e.name) ?? [];
const ok = (ack: { ok: boolean }) => expect(ack.ok).toBe(true);

describe('faults', { timeout: 120_000 }, () => {
	it('[R50] two nodes: remote on A, display on B; kill -9 A mid-burst; after A restarts every tap applies once', async () => {
		const env = { REDIS_URL: t.url, REDIS_PREFIX: t.prefix };
		const [portA, portB] = [await freePort(), await freePort()];
		let a = await node(portA, env);
		const b = await node(portB, env);
		const keys = await createGroup(a.url);
		const remote = remoteOf(keys.groupId, keys.remote, a.url);
		const display = await connectClient(b.url, { groupId: keys.groupId, key: keys.display });
		ok(await remote.send({ type: 'session.start' }));
		ok(await remote.send({ type: 'queue.add', name: 'Casey' }));
		await display.waitFor((s) => names(s).includes('Casey'), 'the update to cross to node B');

		const burst = ['Kurt', 'Tasha', 'Franco', 'Kyle'].map((name) => remote.send({ type: 'queue.add', name }));
		await a.kill('SIGKILL'); // some of the burst applied, some not, some acks lost
		const whileDown = ['DJ', 'Kellie'].map((name) => remote.send({ type: 'queue.add', name }));
		expect(remote.pending.length).toBeGreaterThan(0);
		a = await node(portA, env);
		for (const ack of await Promise.all([...burst, ...whileDown])) ok(ack);

		const final = await display.waitFor((s) => names(s).length === 7, 'all seven on node B');
		expect([...names(final)].sort()).toEqual(['Casey', 'DJ', 'Franco', 'Kellie', 'Kurt', 'Kyle', 'Tasha']);
		const versions = display.snapshots.map((s) => s.version);
		expect(versions).toEqual([...versions].sort((x, y) => x - y));
		remote.close();
		display.close();
	});

	it('[R51] SIGTERM drains: commands in flight are answered, the process exits, devices reconnect and lose nothing', async () => {
		const env = { REDIS_URL: t.url, REDIS_PREFIX: t.prefix };
		const port = await freePort();
		let server = await node(port, env);
		const keys = await createGroup(server.url);
		const remote = remoteOf(keys.groupId, keys.remote, server.url);
		ok(await remote.send({ type: 'session.start' }));
		const taps = ['Casey', 'Kurt', 'Tasha'].map((name) => remote.send({ type: 'queue.add', name }));
		await server.kill('SIGTERM'); // resolves when the process has exited: the drain is bounded
		expect(server.child.exitCode).toBe(0);
		server = await node(port, env);
		for (const ack of await Promise.all(taps)) ok(ack);
		await until(() => names(remote.room).length === 3, 'the three names after the restart');
		expect(names(remote.room)).toEqual(['Casey', 'Kurt', 'Tasha']);
		remote.close();
	});

	it('[R51] Redis stopped mid-session and started again (with persistence): nothing acknowledged lost, nothing doubled', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'roomcast-redis-'));
		const args = ['--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--dir', dir];
		let redis = await startRedisServer(args);
		const server = await node(await freePort(), { REDIS_URL: redis.url, REDIS_PREFIX: 'rc-outage' });
		const keys = await createGroup(server.url);
		const remote = remoteOf(keys.groupId, keys.remote, server.url);
		ok(await remote.send({ type: 'session.start' }));
		ok(await remote.send({ type: 'queue.add', name: 'Casey' }));

		await redis.stop('SIGTERM');
		expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
		const during = ['Kurt', 'Tasha', 'Kyle'].map((name) => remote.send({ type: 'queue.add', name }));
		await until(() => remote.savingPaused, 'the remote to say saving is paused');
		expect(remote.pending).toHaveLength(3);

		redis = await startRedisServer(args, redis.port);
		for (const ack of await Promise.all(during)) ok(ack);
		expect(remote.savingPaused).toBe(false);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		await until(() => names(remote.room).length === 4, 'the snapshot with all four');
		expect(names(remote.room)).toEqual(['Casey', 'Kurt', 'Tasha', 'Kyle']);
		remote.close();
		await server.kill('SIGTERM');
		await redis.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('[R50] a phone offline while the desk edits: both sets of changes apply, in the order they arrive', async () => {
		const server = await node(await freePort(), { REDIS_URL: t.url, REDIS_PREFIX: t.prefix });
		const proxy = await startTcpProxy(Number(new URL(server.url).port));
		const keys = await createGroup(server.url);
		const phone = remoteOf(keys.groupId, keys.remote, proxy.url);
		const desk = remoteOf(keys.groupId, keys.desk, server.url);
		ok(await phone.send({ type: 'session.start' }));
		ok(await phone.send({ type: 'queue.add', name: 'Casey' }));

		proxy.cut(); // the phone's Wi-Fi goes
		const fromPhone: CommandInput[] = [{ type: 'queue.add', name: 'Kyle' }, { type: 'speaker.set', name: 'Vaughn' }, { type: 'feedback.set', permission: 'granted' }];
		const phoneAcks = fromPhone.map((c) => phone.send(c));
		ok(await desk.send({ type: 'speaker.set', name: 'Kurt' }));
		ok(await desk.send({ type: 'queue.add', name: 'Tasha' }));
		ok(await desk.send({ type: 'board.addItem', column: 'left', text: 'Clean up while high' }));
		expect(phone.pending).toHaveLength(3);

		proxy.restore(); // back: the outbox goes out with the same ids
		const acks = await Promise.all(phoneAcks);
		for (const ack of acks) ok(ack);
		// an ack may overtake the broadcast of its own change: wait for the snapshot of the last one
		const last = Math.max(...acks.map((a) => (a.ok ? a.version : 0)));
		await until(() => (desk.room?.version ?? 0) >= last && (phone.room?.version ?? 0) >= last, 'both devices on the last version');
		const s = desk.room!.session!;
		expect(s.queue.map((e) => e.name)).toEqual(['Casey', 'Tasha', 'Kyle']);
		expect(s.speaker).toMatchObject({ name: 'Vaughn', permission: 'granted' }); // the phone's arrived last
		expect(s.board.columns.left.map((i) => i.text)).toEqual(['Clean up while high']);
		phone.close();
		desk.close();
		await proxy.close();
	});
});
