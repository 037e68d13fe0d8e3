/** The bench's results as one Markdown page: figures, each next to its same-run baseline, and the targets. */
import type { CrossNodeResult } from './crossnode.ts';
import type { machine } from './processes.ts';
import type { EncryptionCost } from './encryption-cost.ts';
import type { FloodResult } from './flood.ts';
import type { ReplicationResult } from './replication.ts';
import type { PageWeight } from './page-weight.ts';
import type { RedisMemory, RoundTrip } from './redis-cost.ts';
import type { StartupResult } from './startup.ts';
import type { StormResult } from './storm.ts';
import type { StepResult, SweepResult } from './sweep.ts';

export interface BenchResults {
	quick: boolean;
	at: string;
	machine: ReturnType<typeof machine>;
	fdCapGroups: number;
	payloadBytes: { facilitator: number; display: number };
	b0: RoundTrip;
	redisMemory: RedisMemory;
	b1: SweepResult;
	app: SweepResult;
	cross: CrossNodeResult;
	flood: FloodResult;
	replication: ReplicationResult;
	storms: StormResult[];
	startup: StartupResult;
	encryption: EncryptionCost;
	pages: PageWeight[] | null;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const x = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? ` (${(a / b).toFixed(2)}×)` : '');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const check = (ok: boolean) => (ok ? 'met' : '**missed**');

function latencyRows(app: StepResult | undefined, b1: StepResult | undefined, mode: 'steady' | 'burst'): string[] {
	const row = (who: string, r: StepResult | undefined, base: StepResult | undefined) => {
		if (!r) return `| – | ${who} | not run |||||||||||`;
		const a = r[mode];
		const b = base?.[mode];
		const rel = (v: number, k: keyof typeof a) => f(v) + (b ? x(v, b[k] as number) : '');
		const s = a.server;
		const bs = b?.server;
		return `| ${r.groups} × 4 ${mode} | ${who} | ${rel(a.p50Ms, 'p50Ms')} | ${rel(a.p90Ms, 'p90Ms')} | ${rel(a.p99Ms, 'p99Ms')} | ${rel(a.maxMs, 'maxMs')} | ${f(a.lossPercent, 2)} | ${f(a.ackP50Ms)} / ${f(a.ackP99Ms)} | ${f(s.cpuPercent, 0)}${bs ? x(s.cpuPercent, bs.cpuPercent) : ''} | ${f(s.eldP99Ms)}${bs ? x(s.eldP99Ms, bs.eldP99Ms) : ''} | ${f(s.rssMb, 0)}${bs ? x(s.rssMb, bs.rssMb) : ''} | ${f(s.heapUsedMb, 0)}${bs ? x(s.heapUsedMb, bs.heapUsedMb) : ''} | ${f(s.gcPercent ?? NaN, 1)} / ${f(s.gcMaxPauseMs ?? NaN)} | ${f(a.loadgenEldP99Ms)} / ${f(a.loadgenCpuPercent ?? NaN, 0)} | ${f(a.machineBusyPercent ?? NaN, 0)} |`;
	};
	return [row('B1', b1, undefined), row('app', app, b1)];
}

export function renderMarkdown(r: BenchResults): string {
	const m = r.machine;
	const out: string[] = [];
	const at = (s: SweepResult, n: number) => s.steps.find((step) => step.groups === n);
	out.push(`# Roomcast bench${r.quick ? ' (quick: too short for the targets)' : ''}`, '');
	out.push(`${r.at}: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, load average ${m.loadAverage.join(' / ')} at the end, Node ${m.node}, ${m.platform}.`);
	out.push(`Server pinned to core 0 (taskset: ${m.taskset ? 'yes' : 'no'}); load generator and Redis on core 1. Open files per process: ${m.maxOpenFiles} (so at most ${r.fdCapGroups} groups × 4 clients).`, '');
	out.push('## Baselines (this run)', '');
	out.push(`- **B0**, one Redis round trip from Node: p50 ${f(r.b0.p50Ms, 3)} ms, p99 ${f(r.b0.p99Ms, 3)} ms; \`redis-benchmark -c 1\` SET: ${r.b0.redisBenchmarkMs === null ? 'not installed' : f(r.b0.redisBenchmarkMs, 3) + ' ms'}.`);
	out.push(`- **B1**, a bare Socket.IO relay (\`io.to(room).emit\`) of a same-sized payload (${r.payloadBytes.facilitator} B to facilitators, ${r.payloadBytes.display} B to displays), same load generator.`, '');
	out.push('## Tap to projector: remote `emit` → `state` at each display', '');
	out.push('1 command per second per group; steady = spread over the second, burst = every group at the same instant. ms; (×) = ratio to B1 at the same step. Loss = deliveries that had not reached a display by the end of the drain (2 s after the run). Ack = the remote\'s own round trip (local feedback). Event loop = the server\'s delay past its monitor\'s 10 ms tick; GC = the server\'s share of time in garbage-collection pauses, and the longest; load gen = the load generator\'s loop delay and CPU (it shares its core with Redis; when high, the client side is the bottleneck); machine busy = both cores, every process (the neighbours\' too).', '');
	out.push('| groups × clients | server | p50 | p90 | p99 | max | loss % | ack p50 / p99 | CPU % | event loop p99 | RSS MB | heap MB | GC % / longest pause ms | load gen loop p99 / CPU % | machine busy % |');
	out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const n of [...new Set([...r.b1.steps, ...r.app.steps].map((s) => s.groups))].sort((a, b) => a - b))
		for (const mode of ['steady', 'burst'] as const) out.push(...latencyRows(at(r.app, n), at(r.b1, n), mode));
	out.push('', '## Groups per process', '');
	const nmax = (s: SweepResult) => `${s.nMax}${s.nMaxCapped ? '+ (the ramp ended within limits)' : ''}`;
	out.push(`Largest step whose steady run (and every smaller step's) has p99 ≤ 50 ms, no loss and event-loop p99 ≤ 20 ms: app **${nmax(r.app)}**, B1 **${nmax(r.b1)}**, ratio ${f(r.app.nMax / r.b1.nMax, 2)}.`, '');
	const cost = r.app.redisCost;
	out.push('## Redis', '');
	if (cost) {
		const calls = Object.entries(cost.callsPerCommand).map(([k, v]) => `${k} ${f(v, 2)}`).join(', ');
		out.push(`At ${cost.groups} groups, per command (${cost.commands} commands): **${f(cost.storeRoundTripsPerCommand, 2)} store round trip** (the compare-and-set script, EVALSHA), ${f(cost.publishesPerCommand, 2)} SPUBLISH by the Socket.IO adapter, ${f(cost.usecPerCommand, 1)} µs of Redis time (B0 round trip: ${f(r.b0.p50Ms * 1000, 0)} µs). Calls by name (inside scripts included): ${calls}.`);
	}
	out.push(`Memory: group keys (hash and recent command ids) ${kb(r.redisMemory.groupBytes)}, session key ${kb(r.redisMemory.sessionBytes)} (\`MEMORY USAGE\`); Redis \`used_memory\` grows by ${kb(r.redisMemory.usedBytesPerGroup)} per group with a running session.`, '');
	const c = r.cross;
	out.push('## Cross-node', '', `${c.groups} groups, steady. Same node: p50 ${f(c.sameNode.p50Ms)}, p99 ${f(c.sameNode.p99Ms)} ms. Remote on A, displays on B: p50 ${f(c.crossNode.p50Ms)}, p99 ${f(c.crossNode.p99Ms)} ms, loss ${f(c.crossNode.lossPercent, 2)} %. The hop adds **${f(c.addedP50Ms, 2)} ms at p50, ${f(c.addedP99Ms, 2)} ms at p99**.`, '');
	const fl = r.flood;
	const lat = (l: FloodResult['quiet']) => `p50 ${f(l.p50Ms)}, p99 ${f(l.p99Ms)}, max ${f(l.maxMs)} ms, loss ${f(l.lossPercent, 2)} %`;
	out.push('## One device floods (issue 13)', '');
	out.push(`${fl.groups} groups, steady, the production limits (100 commands per 10 s per device, cut off after 200 refusals in 10 s). One facilitator device of another group sends ${fl.commandsPerWave} commands pipelined, again every ${fl.waveEveryMs} ms, reconnecting each time (a process of its own). Other groups, quiet: ${lat(fl.quiet)}. While it floods: **${lat(fl.flooded)}**. The flooder: ${fl.flooder.waves} waves, ${fl.flooder.sent} commands, ${fl.flooder.accepted} accepted, ${fl.flooder.refused} refused, ${fl.flooder.unanswered} never answered; its socket was cut off ${fl.flooder.cutOff} of ${fl.flooder.waves} times.`, '');
	const rp = r.replication;
	out.push('## Replication and failover (issue 14)', '');
	out.push(
		`A primary, one replica and three Sentinels on this machine; ${rp.groups} groups, steady. Acknowledged once the primary has it (REDIS_MIN_REPLICAS=0): p50 ${f(rp.unreplicated.p50Ms)}, p99 ${f(rp.unreplicated.p99Ms)} ms. Once a replica has it too (1, its \`WAIT\` in the same pipeline): p50 ${f(rp.replicated.p50Ms)}, p99 ${f(rp.replicated.p99Ms)} ms: **${f(rp.p50Ratio, 2)}× at p50, ${f(rp.p99Ratio, 2)}× at p99**. ` +
			`kill -9 of the primary with ${rp.failover.groups} groups connected (REDIS_MIN_REPLICAS=1; the old primary is started again once a replica is promoted, as a supervisor would): a new primary after **${f(rp.failover.promotedAfterMs / 1000, 1)} s**, every device current again after **${f(rp.failover.everyDeviceCurrentAfterMs / 1000, 1)} s**.`,
		''
	);
	out.push('## Reconnect storm (kill -9, restart)', '', '| clients | restart after | server back | everyone current | backoff floor | ratio |', '|---|---|---|---|---|---|');
	for (const s of r.storms)
		out.push(`| ${s.clients} | ${s.restartAfterMs} ms | ${f(s.serverBackMs, 0)} ms | ${s.timedOut ? 'timed out' : f(s.everyoneCurrentMs, 0) + ' ms'} | ${f(s.backoffFloorMs, 0)} ms | ${f(s.ratioToFloor, 2)}× |`);
	out.push('', 'Backoff floor: when the last client made its first reconnect attempt after the new server listened (reconnectionDelay 500 ms, max 5000 ms, randomization 0.5, as the pages).', '');
	const st = r.startup;
	out.push('## Start-up (issue 12)', '', `Spawn to the first \`GET /healthz\` 200, ${st.runs} runs each, taking turns, ${st.withPages ? 'with the production pages' : 'with no pages (no build)'}, the embedded store on an empty data directory:`, '');
	out.push('| server | median | fastest |', '|---|---|---|');
	out.push(`| compiled (\`npm start\`: dist/server.js, plain Node) | **${f(st.compiled.medianMs, 0)} ms** | ${f(st.compiled.minMs, 0)} ms |`);
	out.push(`| before: the TypeScript sources under tsx | ${f(st.tsx.medianMs, 0)} ms${x(st.tsx.medianMs, st.compiled.medianMs)} | ${f(st.tsx.minMs, 0)} ms |`, '');
	const e = r.encryption;
	out.push('## End-to-end encryption: what it adds per command', '');
	out.push('| where | µs | baseline: JSON.parse of the same snapshot |', '|---|---|---|');
	out.push(`| remote: seal a command's text | ${f(e.sealCommandUs, 1)} | ${f(e.jsonParseSnapshotUs, 1)} µs |`);
	out.push(`| display: open a snapshot, one text new (the rest cached) | ${f(e.openSnapshotWarmUs, 1)}${x(e.openSnapshotWarmUs, e.jsonParseSnapshotUs)} | |`);
	out.push(`| display: open a snapshot cold (after a reconnect) | ${f(e.openSnapshotColdUs, 1)}${x(e.openSnapshotColdUs, e.jsonParseSnapshotUs)} | |`);
	out.push('', `Snapshot size: ${e.plainSnapshotBytes} B plain, ${e.sealedSnapshotBytes} B sealed (display view, Node ${m.node}; a phone's browser is slower by a constant factor).`, '');
	out.push('## Page weight (production build, gzip -9)', '');
	if (r.pages) {
		out.push('| page | JS | CSS | JS files | budget | share of budget |', '|---|---|---|---|---|---|');
		for (const p of r.pages) out.push(`| ${p.page} | ${kb(p.jsGzipBytes)} | ${kb(p.cssGzipBytes)} | ${p.jsFiles} | ${kb(p.budgetBytes)} | ${f((p.jsGzipBytes / p.budgetBytes) * 100, 0)} % |`);
	} else out.push('Not measured: no fresh production build.');
	out.push('', '## Targets', '', ...targets(r).map(([t, ok, v]) => `- ${check(ok)}: ${t}: ${v}`), '');
	return out.join('\n');
}

function targets(r: BenchResults): [string, boolean, string][] {
	const app = r.app.steps.find((s) => s.groups === 1000)?.steady;
	const b1 = r.b1.steps.find((s) => s.groups === 1000)?.steady;
	const list: [string, boolean, string][] = [];
	if (app && b1)
		list.push([
			'1000 groups × 4: p50 and p99 ≤ 2× B1, p99 < 50 ms',
			app.p50Ms <= 2 * b1.p50Ms && app.p99Ms <= 2 * b1.p99Ms && app.p99Ms < 50,
			`p50 ${f(app.p50Ms)} ms (${f(app.p50Ms / b1.p50Ms, 2)}× B1), p99 ${f(app.p99Ms)} ms (${f(app.p99Ms / b1.p99Ms, 2)}× B1)`
		]);
	if (r.app.redisCost) list.push(['one Redis round trip per command', r.app.redisCost.storeRoundTripsPerCommand <= 1.01, `${f(r.app.redisCost.storeRoundTripsPerCommand, 2)} store round trips`]);
	const perSession = r.redisMemory.groupBytes + r.redisMemory.sessionBytes;
	list.push(['≤ 8 KB of Redis per active session', perSession <= 8192, `${kb(perSession)} (group + session keys)`]);
	list.push([
		'N_max(app) ≥ ½ N_max(B1) and ≥ 2500 groups',
		r.app.nMax >= r.b1.nMax / 2 && r.app.nMax >= 2500,
		`${r.app.nMax} vs ${r.b1.nMax}${r.b1.nMaxCapped ? '+' : ''}`
	]);
	list.push(['cross-node hop ≤ 1 ms at p50, ≤ 10 ms at p99', r.cross.addedP50Ms <= 1 && r.cross.addedP99Ms <= 10, `+${f(r.cross.addedP50Ms, 2)} / +${f(r.cross.addedP99Ms, 2)} ms`]);
	const { quiet, flooded } = r.flood;
	list.push([
		"one device's flood does not slow other groups: p50 and p99 while flooding ≤ 2× quiet (or + 20 ms)",
		flooded.p50Ms <= Math.max(2 * quiet.p50Ms, quiet.p50Ms + 20) && flooded.p99Ms <= Math.max(2 * quiet.p99Ms, quiet.p99Ms + 20),
		`p50 ${f(quiet.p50Ms)} → ${f(flooded.p50Ms)} ms, p99 ${f(quiet.p99Ms)} → ${f(flooded.p99Ms)} ms`
	]);
	for (const s of r.storms)
		list.push([`storm (restart after ${s.restartAfterMs} ms): everyone current ≤ 1.2× backoff floor`, !s.timedOut && s.ratioToFloor <= 1.2, `${f(s.ratioToFloor, 2)}×`]);
	list.push(['the compiled server starts faster than under tsx', r.startup.compiled.medianMs < r.startup.tsx.medianMs, `${f(r.startup.compiled.medianMs, 0)} vs ${f(r.startup.tsx.medianMs, 0)} ms`]);
	for (const p of r.pages ?? []) list.push([`${p.page} JS ≤ ${kb(p.budgetBytes)} gzipped`, p.jsGzipBytes <= p.budgetBytes, kb(p.jsGzipBytes)]);
	return list;
}
