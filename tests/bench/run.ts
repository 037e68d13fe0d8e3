/**
 * `npm run bench` (about 10 minutes) and `npm run bench -- --quick` (about a minute): every figure
 * next to a baseline measured in the same run, written to tests/bench/results/ as JSON and Markdown.
 * Uses a throwaway redis-server of its own (port 4790), so INFO commandstats counts only the bench.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../server/log.ts';
import { connectRedis } from '../../server/redis.ts';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { startRedisServer } from '../../scripts/redis-for-tests.ts';
import { crossNode } from './crossnode.ts';
import { encryptionCost } from './encryption-cost.ts';
import { flood } from './flood.ts';
import { replication } from './replication.ts';
import { LOAD_CORE, ensureCompiledServer, machine, pin } from './processes.ts';
import { buildIsFresh, measurePages } from './page-weight.ts';
import { measureB0, memoryPerGroup, usedMemory } from './redis-cost.ts';
import { renderMarkdown } from './report.ts';
import { makeGroup, seedGroups } from './seed.ts';
import { startupTime } from './startup.ts';
import { storm } from './storm.ts';
import { bestOf, fakeGroups, sweep, type SweepOptions, type SweepResult } from './sweep.ts';

const quick = process.argv.includes('--quick');
const PORTS = { redis: 4790, server: 4701, nodeA: 4702, nodeB: 4703, storm: 4704, flood: 4705, startup: 4706, replication: 4707 };
const RESULTS_DIR = 'tests/bench/results';
/** Each client is one socket in the load generator and one in the server: both live under RLIMIT_NOFILE. */
const FD_HEADROOM = 200;

const plan = quick
	? {
			repeats: 1,
			steps: [250, 1000],
			steady: { durationMs: 4000, warmupMs: 1000, drainMs: 1000 },
			burst: { durationMs: 3000, warmupMs: 1000, drainMs: 1000 },
			crossGroups: 250,
			stormGroups: 250,
			stormDelaysMs: [200],
			flood: { groups: 250, commandsPerWave: 5000, waveEveryMs: 1000 },
			startupRuns: 3,
			replication: { groups: 100, failoverGroups: 50, rounds: 1 }
		}
	: {
			repeats: 2,
			steps: [250, 1000, 1750, 2500, 3250, 4000, 5000],
			steady: { durationMs: 12_000, warmupMs: 2000, drainMs: 2000 },
			burst: { durationMs: 6000, warmupMs: 1000, drainMs: 2000 },
			crossGroups: 1000,
			stormGroups: 1000,
			stormDelaysMs: [200, 5000],
			// as the review's attack: 20,000 commands pipelined, again every 2 s after each cut-off
			flood: { groups: 1000, commandsPerWave: 20_000, waveEveryMs: 2000 },
			startupRuns: 9,
			replication: { groups: 1000, failoverGroups: 250, rounds: 2 }
		};

await ensureCompiledServer();
pin(process.pid, LOAD_CORE);
const system = machine();
const fdCapGroups = system.maxOpenFiles ? Math.floor((system.maxOpenFiles - FD_HEADROOM) / 4) : Infinity;
const steps = [...new Set(plan.steps.map((n) => Math.min(n, fdCapGroups)))];
const logFile = path.join(os.tmpdir(), `roomcast-bench-${process.pid}.log`);
const say = (line: string) => console.log(`[bench] ${line}`);
say(`${quick ? 'quick' : 'full'} run; servers log to ${logFile}; steps ${steps.join(', ')} groups`);

const redisServer = await startRedisServer(['--save', '', '--appendonly', 'no'], PORTS.redis);
pin(redisServer.pid, LOAD_CORE);
const prefix = `rc-bench-${randomBytes(4).toString('hex')}`;
const log = createLogger(() => {});
const redis = await connectRedis(redisServer.url, log, 'bench');
const env = { REDIS_URL: redisServer.url, REDIS_PREFIX: prefix };
try {
	say('B0: one Redis round trip');
	const b0 = await measureB0(redis, PORTS.redis, prefix);

	say(`seeding ${steps[steps.length - 1]} groups`);
	const usedBeforeBytes = await usedMemory(redis);
	const groups = await seedGroups(createRedisStore(redis, { prefix }), steps[steps.length - 1]);

	// B1 relays payloads the size of the app's snapshots (the seeded group, per role).
	const sample = makeGroup().seeded.state;
	const bytes = { facilitator: JSON.stringify(viewFor('facilitator', sample)).length, display: JSON.stringify(viewFor('display', sample)).length };
	const common: Omit<SweepOptions, 'kind' | 'env' | 'groups'> = {
		port: PORTS.server,
		logFile,
		steps,
		steady: plan.steady,
		burst: plan.burst,
		onStep: (s) => say(`  ${s.groups} groups: p50 ${s.steady.p50Ms.toFixed(1)} p99 ${s.steady.p99Ms.toFixed(1)} ms, loss ${s.steady.lossPercent}%, burst p99 ${s.burst.p99Ms.toFixed(1)} ms, eld p99 ${s.steady.server.eldP99Ms.toFixed(1)} ms, cpu ${s.steady.server.cpuPercent.toFixed(0)}%`)
	};
	// B1 and the app take turns, so that a noisy minute on the shared machine hits both alike.
	const b1Groups = fakeGroups(steps[steps.length - 1]);
	const b1Runs: SweepResult[] = [];
	const appRuns: SweepResult[] = [];
	for (let round = 1; round <= plan.repeats; round++) {
		say(`B1: bare Socket.IO relay (round ${round} of ${plan.repeats})`);
		b1Runs.push(await sweep({ ...common, kind: 'b1', groups: b1Groups, env: { B1_BYTES_FACILITATOR: String(bytes.facilitator), B1_BYTES_DISPLAY: String(bytes.display) } }));
		say(`app: Roomcast (round ${round} of ${plan.repeats})`);
		const costStep = steps.includes(1000) ? 1000 : steps[0];
		appRuns.push(await sweep({ ...common, kind: 'app', groups, env, redisCostAt: round === 1 ? { groups: costStep, redis } : undefined }));
	}
	// Measured after the runs, when the first groups have sent many commands (their lists of recent
	// command ids are full) and the sessions are as big as the bench makes them.
	const redisMemory = await memoryPerGroup(redis, prefix, groups.slice(0, 100).map((g) => g.groupId), groups.length, usedBeforeBytes);
	const b1 = bestOf(b1Runs, steps[steps.length - 1]);
	const app = bestOf(appRuns, steps[steps.length - 1]);

	say(`cross-node: ${plan.crossGroups} groups`);
	const cross = await crossNode({ ports: [PORTS.nodeA, PORTS.nodeB], env, logFile, groups: groups.slice(0, plan.crossGroups), timing: plan.steady });

	say(`flood: ${plan.flood.groups} groups, one device sends ${plan.flood.commandsPerWave} commands every ${plan.flood.waveEveryMs} ms`);
	const flooded = await flood({
		port: PORTS.flood,
		env,
		logFile,
		groups: groups.slice(0, plan.flood.groups),
		flooder: groups[groups.length - 1],
		timing: plan.steady,
		commandsPerWave: plan.flood.commandsPerWave,
		waveEveryMs: plan.flood.waveEveryMs
	});

	say(`replication: ${plan.replication.groups} groups on a primary, a replica and three Sentinels; then kill -9 of the primary`);
	const replicated = await replication({ port: PORTS.replication, logFile, timing: plan.steady, ...plan.replication });

	const storms = [];
	for (const restartAfterMs of plan.stormDelaysMs) {
		say(`reconnect storm: ${plan.stormGroups * 4} clients, restart after ${restartAfterMs} ms`);
		storms.push(await storm({ port: PORTS.storm, env, logFile, groups: groups.slice(0, plan.stormGroups), restartAfterMs }));
	}

	say(`start-up: spawn to /healthz 200, compiled and under tsx, ${plan.startupRuns} runs each`);
	const startup = await startupTime({ port: PORTS.startup, runs: plan.startupRuns, core: 0 });
	say(`  compiled ${startup.compiled.medianMs.toFixed(0)} ms, tsx ${startup.tsx.medianMs.toFixed(0)} ms (medians)`);

	say('end-to-end encryption: cost per command on the remote and on the display');
	const encryption = await encryptionCost(quick ? 2000 : 20_000);

	const fresh = buildIsFresh();
	const pages = fresh ? measurePages() : null;
	if (!fresh) say('page weight skipped: no fresh production build (run `npx vite build` first)');

	const results = { quick, at: new Date().toISOString(), machine: system, fdCapGroups, payloadBytes: bytes, b0, redisMemory, b1, app, cross, flood: flooded, replication: replicated, storms, startup, encryption, pages };
	mkdirSync(RESULTS_DIR, { recursive: true });
	const name = quick ? 'quick' : 'latest';
	writeFileSync(`${RESULTS_DIR}/${name}.json`, JSON.stringify(results, null, '\t') + '\n');
	writeFileSync(`${RESULTS_DIR}/${name}.md`, renderMarkdown(results));
	say(`wrote ${RESULTS_DIR}/${name}.json and ${name}.md`);
	console.log(renderMarkdown(results));
} finally {
	await redis.close().catch(() => {});
	await redisServer.stop();
}
