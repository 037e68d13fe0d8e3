/**
 * One server, one step, one run: for finding where the time goes (issue 7), not for the report.
 *
 *   npm run bench:profile -- <app|b1> <groups> [--burst] [--prof] [--strace]
 *
 * --prof writes the server's CPU profile to /tmp/roomcast-prof/ (open it in Chrome DevTools);
 * --strace counts the server's system calls there. Uses a redis-server of its own on port 4791.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { startRedisServer } from '../../scripts/redis-for-tests.ts';
import { connectRedis } from '../../server/redis.ts';
import { createLogger } from '../../server/log.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { seedGroups } from './seed.ts';
import { Fleet } from './fleet.ts';
import { startServer, pin, LOAD_CORE, ensureCompiledServer } from './processes.ts';
const OUT = '/tmp/roomcast-prof';
mkdirSync(OUT, { recursive: true });
const kind = (process.argv[2] ?? 'app') as 'app' | 'b1';
const groupsN = Number(process.argv[3] ?? 250);
const burst = process.argv.includes('--burst');
const prof = process.argv.includes('--prof');
await ensureCompiledServer();
pin(process.pid, LOAD_CORE);
const redisServer = await startRedisServer(['--save', '', '--appendonly', 'no'], 4791);
pin(redisServer.pid, LOAD_CORE);
const prefix = `rc-prof-${randomBytes(4).toString('hex')}`;
const redis = await connectRedis(redisServer.url, createLogger(() => {}), 'p');
try {
	await redis.configSet('latency-monitor-threshold', '5');
	const groups = await seedGroups(createRedisStore(redis, { prefix }), groupsN);
	const server = await startServer({ kind, port: 4711, env: { REDIS_URL: redisServer.url, REDIS_PREFIX: prefix, B1_BYTES_FACILITATOR: '1435', B1_BYTES_DISPLAY: '1146' }, logFile: `${OUT}/server.log`, nodeArgs: prof ? ['--cpu-prof', `--cpu-prof-dir=${OUT}`] : [] });
	const fleet = new Fleet();
	await fleet.add(kind === 'app' ? groups : groups.map((g) => ({ ...g, remote: 'x', desk: 'x', display: 'x' })), { controller: server.url, display: server.url });
	const tracer = process.argv.includes('--strace') ? (await import('node:child_process')).spawn('strace', ['-c', '-f', '-o', `${OUT}/strace-${kind}.txt`, '-p', String(server.pid)]) : null;
	if (tracer) await new Promise((r) => setTimeout(r, 500)); // strace attaches
	await server.stats(true);
	const r = await fleet.drive({ groups: groupsN, durationMs: 8000, warmupMs: 1000, burst, drainMs: 1000 });
	const s = await server.stats(true);
	console.log(kind, groupsN, burst ? 'burst' : 'steady', `p50 ${r.p50Ms.toFixed(2)} p90 ${r.p90Ms.toFixed(2)} p99 ${r.p99Ms.toFixed(2)} loss ${r.lossPercent} ack50 ${r.ackP50Ms.toFixed(2)} cpu ${s.cpuPercent.toFixed(1)} eld99 ${s.eldP99Ms.toFixed(1)} lg ${r.loadgenEldP99Ms.toFixed(1)} lg cpu ${r.loadgenCpuPercent.toFixed(0)} gc ${s.gcPercent.toFixed(1)}% (major ${s.gcMajorPercent.toFixed(1)}%) max pause ${s.gcMaxPauseMs.toFixed(1)} ms`);
	console.log('redis latency events over 5 ms:', JSON.stringify(await redis.sendCommand(['LATENCY', 'LATEST'])));
	if (tracer) await new Promise<void>((r) => (tracer.once('exit', () => r()), tracer.kill('SIGINT')));
	fleet.close();
	await server.kill();
} finally {
	await redis.close().catch(() => {});
	await redisServer.stop();
}
