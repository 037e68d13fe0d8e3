/**
 * [R80] Lose nothing when the Redis primary dies: a primary, one replica and three Sentinels of this
 * file's own; two Roomcast nodes (real processes, started as production starts them) following the
 * Sentinels; a facilitator's phone on node A, a co-facilitator's laptop and the projector on node B.
 * In the middle of a burst of taps from both controllers the primary is killed (-9); a supervisor
 * starts it again once a replica has been promoted, and it rejoins as a replica.
 */
import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/redis-for-tests.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { PROTOCOL_VERSION, type CommandAck, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { SENTINEL_MASTER, startSentinelCluster, type SentinelCluster } from '../helpers/sentinel-cluster.ts';
import { createGroup } from '../helpers/test-server.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';

/** A device's socket: every snapshot it received, and the one a page shows (R23, and R80's resync). */
type Device = Socket & { snapshots: RoomState[]; shown: RoomState | null };

const TAPS_EACH = 25;
/** How a page's outbox waits before sending a refused command again (room-connection.svelte.ts). */
const RETRY_DELAY_MS = 200;
const ACK_TIMEOUT_MS = 3000;

let cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
	cleanups = [];
});

function device(url: string, groupId: string, key: string): Promise<Device> {
	const socket = connect(url, { auth: { groupId, key, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true }) as Device;
	socket.snapshots = [];
	socket.shown = null;
	let resync = false;
	socket.on('resync', () => (resync = true));
	socket.on('state', (s: RoomState) => {
		socket.snapshots.push(s);
		if (resync || !socket.shown || s.version > socket.shown.version) socket.shown = s;
		resync = false;
	});
	cleanups.push(() => socket.close());
	return new Promise((resolve, reject) => {
		socket.once('state', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

/**
 * A controller's taps, as a page's outbox sends them: one at a time, each again with the same id
 * after a retryable refusal or a lost answer, until it is acknowledged. Resolves with the ids acked.
 */
async function tap(socket: Device, who: string, count: number, acked: (n: number) => void): Promise<string[]> {
	const names: string[] = [];
	for (let i = 1; i <= count; i++) {
		const name = `${who} ${i}`;
		const command: CommandInput & { id: string } = { id: `${who}-${i}`, type: 'queue.add', name };
		for (;;) {
			const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command as never).catch(() => null)) as CommandAck | null;
			if (ack?.ok) break;
			if (ack && !['unavailable', 'rate_limited'].includes(ack.error.code)) throw new Error(`${command.id} refused ${ack.error.code}`);
			await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS)); // the outbox's retry delay
		}
		names.push(name);
		acked(names.length);
	}
	return names;
}

/** The group as the new primary holds it, read as Roomcast reads it. */
async function storedState(cluster: SentinelCluster, prefix: string, groupId: string): Promise<RoomState> {
	const redis = await cluster.connect(await cluster.primaryPort());
	try {
		const room = await createRedisStore(redis, { prefix }).load(groupId);
		if (!room) throw new Error('the group is gone from the new primary');
		return room.state;
	} finally {
		await redis.close();
	}
}

/** Resolves when a device has received a snapshot that passes `check` (now or later). */
function received(d: Device, check: (s: RoomState) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	return new Promise((resolve, reject) => {
		if (d.snapshots.some(check)) return resolve();
		const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
		const onState = (s: RoomState) => {
			if (!check(s)) return;
			clearTimeout(timer);
			d.off('state', onState);
			resolve();
		};
		d.on('state', onState);
	});
}

async function scenario(minReplicas: number) {
	const cluster = await startSentinelCluster();
	cleanups.push(() => cluster.stop());
	const prefix = `rc-failover-${randomBytes(4).toString('hex')}`;
	const env = { REDIS_SENTINELS: cluster.sentinelList, REDIS_SENTINEL_MASTER: SENTINEL_MASTER, REDIS_PREFIX: prefix, REDIS_MIN_REPLICAS: String(minReplicas) };
	const nodes: ServerProcess[] = [];
	for (let i = 0; i < 2; i++) {
		const node = await startServerProcess(await freePort(), env);
		nodes.push(node);
		cleanups.push(() => node.kill('SIGTERM'));
	}
	const [a, b] = nodes;
	const pids = nodes.map((n) => n.child.pid);
	const health = async () => (await fetch(`${a.url}/healthz`)).json();
	const before = await health();
	const keys = await createGroup(a.url);
	const remote = await device(a.url, keys.groupId, keys.remote);
	const desk = await device(b.url, keys.groupId, keys.desk);
	const display = await device(b.url, keys.groupId, keys.display);
	let displayDropped = false;
	display.on('disconnect', () => (displayDropped = true));
	expect(await remote.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { id: 'start', type: 'session.start' } as never)).toMatchObject({ ok: true });

	// the primary dies once the phone has had a few taps acknowledged, while both keep tapping
	let killed: (port: number) => void = () => {};
	const killedPort = new Promise<number>((resolve) => (killed = resolve));
	const midBurst = (n: number) => {
		if (n === 8) void cluster.killPrimary().then(killed);
	};
	const bursts = Promise.all([tap(remote, 'Casey', TAPS_EACH, midBurst), tap(desk, 'Kurt', TAPS_EACH, () => {})]);
	const oldPrimary = await killedPort;
	const newPrimary = await cluster.promoted(oldPrimary);
	await cluster.revive(oldPrimary); // a supervisor starts it again: it rejoins as a replica
	const acked = (await bursts).flat();
	const after = await health();

	const state = await storedState(cluster, prefix, keys.groupId);
	const stored = { version: state.version, queue: state.session!.queue.map((e) => e.name) };
	const once = acked.filter((name) => stored.queue.filter((q) => q === name).length === 1);
	const lost = acked.filter((name) => !stored.queue.includes(name));
	const doubled = stored.queue.filter((name, i) => stored.queue.indexOf(name) !== i);
	console.log(
		`[failover, REDIS_MIN_REPLICAS=${minReplicas}] primary ${oldPrimary} -> ${newPrimary}; ${acked.length} taps acknowledged, ` +
			`${once.length} in the state once, ${lost.length} lost, ${doubled.length} doubled`
	);
	return { health: { before, after, oldPrimary, newPrimary }, nodes, pids, display, remote, desk, acked, state, stored, once, lost, doubled, displayDropped: () => displayDropped };
}

describe('[R80] the Redis primary dies in the middle of a burst', () => {
	it('[R80][R18][R50] with REDIS_MIN_REPLICAS=1 every acknowledged tap survives, exactly once; displays stay up and end equal to the store', async () => {
		const run = await scenario(1);
		expect(run.acked).toHaveLength(2 * TAPS_EACH);
		expect(run.lost).toEqual([]);
		expect(run.doubled).toEqual([]);
		expect(run.once).toHaveLength(run.acked.length);

		// every device ends on the store's version, the display with exactly the display's view of it
		for (const d of [run.remote, run.desk, run.display]) await received(d, (s) => s.version === run.stored.version, 'the store version');
		// versions only rise: no version a device saw was lost and used again for another state (snapshots
		// from two nodes may arrive out of order; a page shows only newer ones, R23)
		const seen = new Map<string, string>();
		for (const d of [run.remote, run.desk, run.display])
			for (const snapshot of d.snapshots) {
				const key = `${d === run.display ? 'display' : 'facilitator'} v${snapshot.version}`;
				const json = JSON.stringify(snapshot);
				expect(seen.get(key) ?? json, `one state for ${key}`).toBe(json);
				seen.set(key, json);
			}
		expect(Math.max(...[run.remote, run.desk, run.display].flatMap((d) => d.snapshots.map((s) => s.version)))).toBe(run.state.version);
		const shown = run.display.snapshots.reduce((top, s) => (s.version > top.version ? s : top));
		expect(shown).toEqual(viewFor('display', run.state));
		expect(run.displayDropped(), 'the projector kept its connection through the failover').toBe(false);
		// /healthz says which primary the node writes to, and how many replicas it has
		expect(run.health.before).toMatchObject({ ok: true, store: 'redis', primary: `127.0.0.1:${run.health.oldPrimary}`, replicas: 1, minReplicas: 1 });
		expect(run.health.after).toMatchObject({ ok: true, primary: `127.0.0.1:${run.health.newPrimary}`, replicas: 1 });
		// the nodes never restarted
		expect(run.nodes.map((n) => n.child.pid)).toEqual(run.pids);
		expect(run.nodes.every((n) => n.child.exitCode === null)).toBe(true);
	}, 120_000);

	it('[R80][R23] with REDIS_MIN_REPLICAS=0, what acknowledgement without replication loses is counted (not asserted: it may be zero); screens still end on what the store holds', async () => {
		const run = await scenario(0);
		expect(run.acked).toHaveLength(2 * TAPS_EACH);
		expect(run.doubled).toEqual([]);
		expect(run.once.length + run.lost.length).toBe(run.acked.length);
		// a lost write's version is used again: the resync after the failover still brings every screen to the store
		const last = await run.remote.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { id: 'after', type: 'headcount.arrive' } as never);
		expect(last).toMatchObject({ ok: true });
		const final = (last as { version: number }).version;
		await received(run.display, (s) => s.version === final, 'the last change');
		expect(run.display.shown).toMatchObject({ version: final, session: { queue: run.stored.queue.map((name) => ({ name })) } });
	}, 120_000);
});
