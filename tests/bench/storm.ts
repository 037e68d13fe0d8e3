/**
 * Reconnect storm: every client connected with the page's own backoff, one accepted command per
 * group, then `kill -9` the server and start a new one after a pause. Measured from the kill: when
 * every socket is back and every display holds its group's latest version, against the clients'
 * own backoff floor: the moment of the last client's first reconnect attempt after the new server
 * listened (no client can be back before its backoff lets it try).
 */
import type { BenchSocket } from './bench-socket.ts';
import { Fleet } from './fleet.ts';
import { startServer } from './processes.ts';
import type { BenchGroup } from './seed.ts';

const STORM_TIMEOUT_MS = 60_000;
const POLL_MS = 5;

export interface StormResult {
	clients: number;
	restartAfterMs: number;
	/** From the kill until the new server listened. */
	serverBackMs: number;
	/** From the kill until every socket is connected and every display is current. */
	everyoneCurrentMs: number;
	/** From the kill until the last client's first reconnect attempt after the server listened. */
	backoffFloorMs: number;
	ratioToFloor: number;
	timedOut: boolean;
}

export async function storm(opts: { port: number; env: Record<string, string>; logFile: string; groups: BenchGroup[]; restartAfterMs: number }): Promise<StormResult> {
	const serverOptions = { kind: 'app' as const, port: opts.port, env: opts.env, logFile: opts.logFile };
	let server = await startServer(serverOptions);
	const fleet = new Fleet({ reconnect: true });
	try {
		await fleet.add(opts.groups, { controller: server.url, display: server.url });
		const latest = await Promise.all(fleet.groups.map((g) => fleet.send(g, false)));
		const sockets = fleet.sockets;
		const attempts = new Map<BenchSocket, number[]>(sockets.map((s) => [s, []]));
		for (const socket of sockets) socket.onReconnectAttempt?.(() => attempts.get(socket)!.push(performance.now()));

		const killedAtMs = performance.now();
		await server.kill('SIGKILL');
		await new Promise((r) => setTimeout(r, opts.restartAfterMs));
		server = await startServer(serverOptions);
		const current = () =>
			sockets.every((s) => s.connected) && fleet.groups.every((g, i) => g.displayVersions.every((v) => v >= latest[i]));
		let timedOut = false;
		while (!current()) {
			if (performance.now() - killedAtMs > STORM_TIMEOUT_MS) {
				timedOut = true;
				break;
			}
			await new Promise((r) => setTimeout(r, POLL_MS));
		}
		const everyoneCurrentMs = performance.now() - killedAtMs;
		let floorMs = 0;
		for (const times of attempts.values()) {
			const first = times.find((t) => t >= server.readyAtMs);
			if (first !== undefined) floorMs = Math.max(floorMs, first - killedAtMs);
		}
		return {
			clients: sockets.length,
			restartAfterMs: opts.restartAfterMs,
			serverBackMs: server.readyAtMs - killedAtMs,
			everyoneCurrentMs,
			backoffFloorMs: floorMs,
			ratioToFloor: everyoneCurrentMs / floorMs,
			timedOut
		};
	} finally {
		fleet.close();
		await server.kill();
	}
}
