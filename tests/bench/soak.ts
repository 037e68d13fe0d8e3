/**
 * Soak (issue 6; not run in CI): G groups x 5 clients (a controller, a desk and three displays),
 * one command per second per group, every socket forcibly disconnected every 2 minutes, for M
 * minutes, against a real server process and Redis. Checks that no acknowledged command is lost or
 * doubled (each group's arrivals count equals its acknowledged commands), that every display ends
 * on the stored version, and samples the server's memory.
 *
 *   npm run soak                          # 500 groups, 15 minutes
 *   npm run soak -- --groups 50 --minutes 1 --disconnect-every-s 20
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { createClient } from 'redis';
import { build } from '../../scripts/build.mjs';
import { freePort, ensureRedis } from '../../scripts/redis-for-tests.ts';
import { startServerProcess } from '../helpers/server-process.ts';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const GROUPS = arg('groups', 500);
const MINUTES = arg('minutes', 15);
const COMMAND_INTERVAL_MS = 1000;
const DISCONNECT_EVERY_MS = arg('disconnect-every-s', 120) * 1000;
const SAMPLE_EVERY_MS = 15_000;

interface Group {
	groupId: string;
	controller: Socket;
	displays: Socket[];
	others: Socket[];
	/** command id → acknowledged */
	sent: Map<string, boolean>;
	seq: number;
	lastVersion: number;
}

await build({ ifStale: true, serverOnly: true }); // the server process is the compiled one, as `npm start` runs it
const redis = await ensureRedis();
const prefix = `rc-soak-${randomBytes(4).toString('hex')}`;
const port = await freePort();
const server = await startServerProcess(port, { REDIS_URL: redis.url, REDIS_PREFIX: prefix });
const url = server.url;
const socketOptions = { transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5, forceNew: true };

async function createGroup(): Promise<Group> {
	const res = await fetch(`${url}/api/groups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Soak"}' });
	const body = await res.json();
	const key = (link: string) => decodeURIComponent(new URL(link).hash.slice('#key='.length));
	const open = (k: string) => io(url, { ...socketOptions, auth: { groupId: body.groupId, key: k } });
	const group: Group = {
		groupId: body.groupId,
		controller: open(key(body.links.remote)),
		displays: [open(key(body.links.display)), open(key(body.links.display)), open(key(body.links.display))],
		others: [open(key(body.links.desk))],
		sent: new Map(),
		seq: 0,
		lastVersion: 0
	};
	for (const d of group.displays) d.on('state', (s: { version: number }) => (group.lastVersion = Math.max(group.lastVersion, s.version)));
	// an outbox in miniature: what is not acknowledged goes again, same id, after a reconnect
	group.controller.on('connect', () => {
		for (const [id, acked] of group.sent) if (!acked) send(group, id);
	});
	return group;
}

function send(group: Group, id: string) {
	group.controller.timeout(10_000).emit('command', { id, type: 'headcount.arrive' }, (error: Error | null, ack: { ok: boolean } | undefined) => {
		if (!error && ack?.ok) group.sent.set(id, true);
	});
}

const groups: Group[] = [];
for (let i = 0; i < GROUPS; i++) groups.push(await createGroup());
const sessionStarts = groups.map((g) => g.controller.timeout(10_000).emitWithAck('command', { id: 'start', type: 'session.start' }));
await Promise.allSettled(sessionStarts);

const samples: Array<{ atS: number; rssMb: number }> = [];
const started = Date.now();
const rss = () => {
	try {
		const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	} catch {
		return 0;
	}
};
const tick = setInterval(() => {
	for (const g of groups) {
		const id = `c${++g.seq}`;
		g.sent.set(id, false);
		if (g.controller.connected) send(g, id);
	}
}, COMMAND_INTERVAL_MS);
const storm = setInterval(() => {
	for (const g of groups) for (const s of [g.controller, ...g.displays, ...g.others]) s.io.engine.close();
}, DISCONNECT_EVERY_MS);
const sampler = setInterval(() => samples.push({ atS: Math.round((Date.now() - started) / 1000), rssMb: Math.round(rss()) }), SAMPLE_EVERY_MS);

await new Promise((resolve) => setTimeout(resolve, MINUTES * 60_000));
clearInterval(tick);
clearInterval(storm);
clearInterval(sampler);
// let the last retries land
const deadline = Date.now() + 30_000;
while (groups.some((g) => [...g.sent.values()].some((a) => !a)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

const store = createClient({ url: redis.url });
store.on('error', () => {});
await store.connect();
let lost = 0;
let doubled = 0;
let unacked = 0;
let displaysBehind = 0;
for (const g of groups) {
	const session = JSON.parse((await store.get(`${prefix}:s:{${g.groupId}}`)) ?? 'null');
	const doc = JSON.parse((await store.hGet(`${prefix}:g:{${g.groupId}}`, 'doc')) ?? 'null');
	const acked = [...g.sent.values()].filter(Boolean).length;
	unacked += g.sent.size - acked;
	const arrivals = session?.headcount.arrivals ?? 0;
	if (arrivals < acked) lost += acked - arrivals;
	if (arrivals > g.sent.size) doubled += arrivals - g.sent.size;
	if (g.lastVersion < (doc?.state.version ?? 0)) displaysBehind += 1;
	for (const s of [g.controller, ...g.displays, ...g.others]) s.close();
}
const keys: string[] = [];
for await (const batch of store.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) keys.push(...batch);
if (keys.length) await store.del(keys);
await store.close();
await server.kill('SIGTERM');
await redis.stop();

const result = { groups: GROUPS, clientsPerGroup: 5, minutes: MINUTES, lost, doubled, unacked, displaysBehind, rssMb: samples };
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync(`tests/bench/results/soak.json`, JSON.stringify(result, null, 2));
console.log(JSON.stringify({ ...result, rssMb: samples.map((s) => s.rssMb) }));
process.exit(lost === 0 && doubled === 0 && displaysBehind === 0 ? 0 : 1);
