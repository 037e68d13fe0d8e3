/**
 * The load generator: many real sockets in this one process, 4 per group (remote, desk and two
 * displays). The remote sends `speaker.set` with a sequence number as the name; each display's
 * `state` carries it back, so latency is timed on this process's one clock. Bare Socket.IO frames
 * by default; the pages' own client where reconnecting as they do is what is measured (bench-socket.ts).
 */
import { randomBytes } from 'node:crypto';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { pageSocket, wireSocket, type BenchSocket } from './bench-socket.ts';
import { delayMs, eventLoopMonitor } from './eld.ts';
import type { BenchGroup } from './seed.ts';

const CONNECT_BATCH = 100;
const CONNECT_TIMEOUT_MS = 20_000;
const DISPLAYS_PER_GROUP = 2;
const SCHEDULER_TICK_MS = 1;

export interface GroupClients {
	group: BenchGroup;
	remote: BenchSocket;
	desk: BenchSocket;
	displays: BenchSocket[];
	/** The newest version each display holds. */
	displayVersions: number[];
	seq: number;
	/** seq → send time and how many displays have it. */
	inFlight: Map<number, { sentAtMs: number; recorded: boolean; delivered: number }>;
}

export interface Urls {
	controller: string;
	display: string;
}

export interface LatencyResult {
	/** Commands sent, and of those, timed (sent after the warm-up). */
	sent: number;
	commands: number;
	p50Ms: number;
	p90Ms: number;
	p99Ms: number;
	maxMs: number;
	/** Share of (command, display) deliveries that never arrived, in percent. */
	lossPercent: number;
	ackP50Ms: number;
	ackP99Ms: number;
	refused: number;
	/** The load generator's own event-loop delay p99: when high, it (not the server) is the bottleneck. */
	loadgenEldP99Ms: number;
	/** The load generator's CPU (its core is shared with Redis): near 100, it is the bottleneck. */
	loadgenCpuPercent: number;
}

const ms = (h: RecordableHistogram, p: number) => (h.count ? h.percentile(p) / 1000 : NaN);

export class Fleet {
	groups: GroupClients[] = [];
	#latency = createHistogram();
	#ack = createHistogram();
	#refused = 0;
	#reconnect: boolean;

	constructor(options: { reconnect?: boolean } = {}) {
		this.#reconnect = options.reconnect ?? false;
	}

	get sockets(): BenchSocket[] {
		return this.groups.flatMap((g) => [g.remote, g.desk, ...g.displays]);
	}

	/** Connects 4 clients for each group and waits until every one holds its first snapshot. */
	async add(groups: BenchGroup[], urls: Urls): Promise<void> {
		for (let start = 0; start < groups.length; start += CONNECT_BATCH) {
			const batch = groups.slice(start, start + CONNECT_BATCH).map((group) => this.#connectGroup(group, urls));
			await Promise.all(batch.map((g) => g.ready));
			this.groups.push(...batch.map((g) => g.clients));
		}
	}

	#socket(url: string, group: BenchGroup, key: string, role: string): { socket: BenchSocket; ready: Promise<void> } {
		const opts = { url, auth: { groupId: group.groupId, key, role }, timeoutMs: CONNECT_TIMEOUT_MS };
		const socket = this.#reconnect ? pageSocket(opts) : wireSocket(opts);
		return { socket, ready: socket.ready };
	}

	#connectGroup(group: BenchGroup, urls: Urls) {
		const remote = this.#socket(urls.controller, group, group.remote, 'facilitator');
		const desk = this.#socket(urls.controller, group, group.desk, 'facilitator');
		const displays = Array.from({ length: DISPLAYS_PER_GROUP }, () => this.#socket(urls.display, group, group.display, 'display'));
		const clients: GroupClients = {
			group,
			remote: remote.socket,
			desk: desk.socket,
			displays: displays.map((d) => d.socket),
			displayVersions: displays.map(() => 0),
			seq: 0,
			inFlight: new Map()
		};
		clients.displays.forEach((socket, i) => socket.onState((version, seq) => this.#onDisplayState(clients, i, version, seq)));
		return { clients, ready: Promise.all([remote.ready, desk.ready, ...displays.map((d) => d.ready)]) };
	}

	#onDisplayState(g: GroupClients, display: number, version: number, seq: number | null) {
		const now = performance.now();
		if (version > g.displayVersions[display]) g.displayVersions[display] = version;
		if (seq === null) return;
		const entry = g.inFlight.get(seq);
		if (!entry) return;
		if (entry.recorded) this.#latency.record(Math.max(1, Math.round((now - entry.sentAtMs) * 1000)));
		entry.delivered += 1;
		if (entry.delivered >= DISPLAYS_PER_GROUP) g.inFlight.delete(seq);
	}

	/** One `speaker.set` from the group's remote; resolves with the ack's version (or 0 if refused). */
	send(g: GroupClients, recorded: boolean): Promise<number> {
		const seq = ++g.seq;
		const sentAtMs = performance.now();
		g.inFlight.set(seq, { sentAtMs, recorded, delivered: 0 });
		const command = { id: randomBytes(8).toString('hex'), type: 'speaker.set', name: `s${seq}` };
		return new Promise((resolve) => {
			g.remote.command(command, (ok, version) => {
				if (recorded) this.#ack.record(Math.max(1, Math.round((performance.now() - sentAtMs) * 1000)));
				if (!ok) this.#refused += 1;
				resolve(ok ? version : 0);
			});
		});
	}

	/**
	 * One command per second per group for `durationMs`. Steady: the groups' sends are spread evenly
	 * over each second. Burst: every group sends at the same instant, once a second. Sends in the
	 * first `warmupMs` are not timed. Waits `drainMs` for late deliveries before counting losses.
	 */
	async drive(opts: { groups: number; durationMs: number; warmupMs: number; burst: boolean; drainMs: number }): Promise<LatencyResult> {
		const groups = this.groups.slice(0, opts.groups);
		const offsetsMs = groups.map((_, i) => (opts.burst ? 0 : (i * 1000) / groups.length));
		this.#latency.reset();
		this.#ack.reset();
		this.#refused = 0;
		for (const g of groups) g.inFlight.clear();
		const eld = eventLoopMonitor();
		const cpuBefore = process.cpuUsage();
		const startMs = performance.now();
		let sent = 0;
		let timed = 0;
		await new Promise<void>((resolve) => {
			const tick = () => {
				const elapsedMs = performance.now() - startMs;
				const cycles = Math.floor(elapsedMs / 1000);
				const withinMs = elapsedMs - cycles * 1000;
				let due = cycles * groups.length;
				while (due - cycles * groups.length < groups.length && offsetsMs[due - cycles * groups.length] <= withinMs) due++;
				const sendUntil = Math.min(due, Math.floor((opts.durationMs / 1000) * groups.length));
				for (; sent < sendUntil; sent++) {
					const recorded = performance.now() - startMs >= opts.warmupMs;
					if (recorded) timed++;
					void this.send(groups[sent % groups.length], recorded);
				}
				if (elapsedMs >= opts.durationMs) resolve();
				else setTimeout(tick, SCHEDULER_TICK_MS);
			};
			tick();
		});
		eld.disable();
		const cpu = process.cpuUsage(cpuBefore);
		const loadgenCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - startMs)) * 100;
		await new Promise((r) => setTimeout(r, opts.drainMs));
		let missing = 0;
		for (const g of groups) for (const entry of g.inFlight.values()) if (entry.recorded) missing += DISPLAYS_PER_GROUP - entry.delivered;
		return {
			sent,
			commands: timed,
			p50Ms: ms(this.#latency, 50),
			p90Ms: ms(this.#latency, 90),
			p99Ms: ms(this.#latency, 99),
			maxMs: this.#latency.count ? this.#latency.max / 1000 : NaN,
			lossPercent: timed ? (missing / (timed * DISPLAYS_PER_GROUP)) * 100 : 0,
			ackP50Ms: ms(this.#ack, 50),
			ackP99Ms: ms(this.#ack, 99),
			refused: this.#refused,
			loadgenEldP99Ms: delayMs(eld, 99),
			loadgenCpuPercent
		};
	}

	close(): void {
		for (const socket of this.sockets) socket.close();
		this.groups = [];
	}
}
