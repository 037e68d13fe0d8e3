// Loaded into a server under test with `node --import ./tests/bench/server-stats.mjs <server>`, so the
// bench measures the production server itself (dist/server.js, as `npm start` runs it) without a
// line of bench code in it: CPU, event-loop delay, memory and garbage-collection pauses since the
// last `?reset=1`, as JSON on GET http://127.0.0.1:$BENCH_STATS_PORT/bench/stats.
// Plain JavaScript: the server it measures runs without a TypeScript loader.
import { createServer } from 'node:http';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** monitorEventLoopDelay records the whole time between two runs of its timer: the delay is what is over it (eld.ts). */
const RESOLUTION_MS = 10;
const eld = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
eld.enable();
/** @param {number} [p] */
const delayMs = (p) => Math.max(0, (p === undefined ? eld.max : eld.percentile(p)) / 1e6 - RESOLUTION_MS);

let since = { cpu: process.cpuUsage(), wallMs: performance.now() };
let gc = { minorMs: 0, majorMs: 0, maxPauseMs: 0 };
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		const minor = /** @type {{ detail?: { kind?: number } }} */ (entry).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR;
		if (minor) gc.minorMs += entry.duration;
		else gc.majorMs += entry.duration;
		gc.maxPauseMs = Math.max(gc.maxPauseMs, entry.duration);
	}
}).observe({ entryTypes: ['gc'] });

const stats = createServer((req, res) => {
	const cpu = process.cpuUsage(since.cpu);
	const memory = process.memoryUsage();
	const wallMs = performance.now() - since.wallMs;
	const body = {
		cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
		eldP99Ms: delayMs(99),
		eldMaxMs: delayMs(),
		rssMb: memory.rss / 2 ** 20,
		heapUsedMb: memory.heapUsed / 2 ** 20,
		gcPercent: ((gc.minorMs + gc.majorMs) / wallMs) * 100,
		gcMajorPercent: (gc.majorMs / wallMs) * 100,
		gcMaxPauseMs: gc.maxPauseMs
	};
	if (req.url?.includes('reset=1')) {
		eld.reset();
		gc = { minorMs: 0, majorMs: 0, maxPauseMs: 0 };
		since = { cpu: process.cpuUsage(), wallMs: performance.now() };
	}
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(body));
});
stats.listen(Number(process.env.BENCH_STATS_PORT), '127.0.0.1');
stats.unref(); // the server under test decides when the process ends
