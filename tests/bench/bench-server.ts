/**
 * A server process for the bench. `app`: Roomcast itself (createApplication + openBackend over Redis,
 * the same sockets, commands, store and adapter as server/index.ts, without SvelteKit's page handler).
 * `b1`: the baseline, a bare Socket.IO server that relays a same-sized payload to the room.
 * Both answer GET /bench/stats with CPU, event-loop delay and memory since the last `?reset=1`.
 *
 *   node --import tsx tests/bench/bench-server.ts <app|b1> <port>
 *   env: REDIS_URL, REDIS_PREFIX, BENCH_LIMITS=production (app); B1_BYTES_FACILITATOR, B1_BYTES_DISPLAY (b1)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { createApplication } from '../../server/app.ts';
import { openBackend, redisTargetOf } from '../../server/backend.ts';
import { readConfig } from '../../server/config.ts';
import { createLimiters } from '../../server/limits.ts';
import { createLogger } from '../../server/log.ts';
import { connectRedis } from '../../server/redis.ts';
import { delayMs, eventLoopMonitor } from './eld.ts';

/** All load comes from 127.0.0.1: limits high enough never to refuse the bench. */
const PER_ADDRESS_LIFTED = { connectionsPerMinutePerAddress: 1e9, socketsPerAddress: 1e9 };
const BENCH_LIMITS = { ...PER_ADDRESS_LIFTED, commandsPer10sPerDevice: 1e9, commandsInFlightPerSocket: 1e9, floodRefusalsPer10s: 1e9 };

const [kind, portArg] = process.argv.slice(2);
const port = Number(portArg);
const http = createServer();
const eld = eventLoopMonitor();
let since = { cpu: process.cpuUsage(), wallMs: performance.now() };
/** Garbage-collection pauses since the last reset: young generation (scavenges) and the rest. */
let gc = { minorMs: 0, majorMs: 0, maxPauseMs: 0 };
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		const minor = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR;
		if (minor) gc.minorMs += entry.duration;
		else gc.majorMs += entry.duration;
		gc.maxPauseMs = Math.max(gc.maxPauseMs, entry.duration);
	}
}).observe({ entryTypes: ['gc'] });

function stats(req: IncomingMessage, res: ServerResponse): boolean {
	if (!req.url?.startsWith('/bench/stats')) return false;
	const cpu = process.cpuUsage(since.cpu);
	const memory = process.memoryUsage();
	const wallMs = performance.now() - since.wallMs;
	const body = {
		cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
		eldP99Ms: delayMs(eld, 99),
		eldMaxMs: delayMs(eld),
		rssMb: memory.rss / 2 ** 20,
		heapUsedMb: memory.heapUsed / 2 ** 20,
		gcPercent: ((gc.minorMs + gc.majorMs) / wallMs) * 100,
		gcMajorPercent: (gc.majorMs / wallMs) * 100,
		gcMaxPauseMs: gc.maxPauseMs
	};
	if (req.url.includes('reset=1')) {
		eld.reset();
		gc = { minorMs: 0, majorMs: 0, maxPauseMs: 0 };
		since = { cpu: process.cpuUsage(), wallMs: performance.now() };
	}
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(body));
	return true;
}

if (kind === 'app') {
	const config = readConfig({ ...process.env, PORT: String(port) });
	const log = createLogger();
	const backend = await openBackend(config, log);
	const limitsRedis = await connectRedis(redisTargetOf(config)!, log, 'limits');
	// BENCH_LIMITS=production: every device limit as shipped (the flood step); the per-address ones
	// stay lifted, since all of the bench's sockets come from 127.0.0.1
	const limits = process.env.BENCH_LIMITS === 'production' ? { ...config.limits, ...PER_ADDRESS_LIFTED } : BENCH_LIMITS;
	const app = createApplication(http, {
		...backend,
		limits,
		limiters: createLimiters(limits, limitsRedis, config.redisPrefix),
		log
	});
	backend.onPrimaryChange(() => void app.resync());
	http.on('request', (req, res) => stats(req, res) || app.api(req, res));
} else if (kind === 'b1') {
	startBaseline();
	http.on('request', (req, res) => stats(req, res) || res.writeHead(404).end());
} else throw new Error(`unknown server kind "${kind}"`);

http.listen(port, '127.0.0.1', () => process.send?.('ready'));
// A clean exit on SIGTERM, so that --cpu-prof can write its profile.
process.on('SIGTERM', () => process.exit(0));

/** B1: the least any relay must do: receive, ack, and `io.to(room).emit` a payload of the same size. */
function startBaseline() {
	const padded = (bytes: number) => 'x'.repeat(Math.max(0, bytes - 120));
	const pad = { facilitator: padded(Number(process.env.B1_BYTES_FACILITATOR)), display: padded(Number(process.env.B1_BYTES_DISPLAY)) };
	const io = new Server(http, { serveClient: false, transports: ['websocket'] });
	let version = 0;
	io.on('connection', (socket) => {
		const { groupId, role } = socket.handshake.auth as { groupId: string; role: 'facilitator' | 'display' };
		void socket.join(`g:${groupId}:${role}`);
		socket.emit('state', { groupId, version, session: { speaker: { name: 's0' } }, pad: pad[role] });
		socket.on('command', (command: { name: string }, ack: (a: unknown) => void) => {
			version += 1;
			ack({ ok: true, version });
			for (const r of ['facilitator', 'display'] as const)
				io.to(`g:${groupId}:${r}`).emit('state', { groupId, version, session: { speaker: { name: command.name } }, pad: pad[r] });
		});
	});
}
