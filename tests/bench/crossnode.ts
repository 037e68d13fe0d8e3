/**
 * The cross-node hop: the same groups and load, first with every client on node A, then with the
 * remote and desk on A and both displays on B (two processes, one Redis, sharded pub/sub between).
 */
import { Fleet, type LatencyResult } from './fleet.ts';
import { startServer } from './processes.ts';
import type { BenchGroup } from './seed.ts';
import type { Timing } from './sweep.ts';

export interface CrossNodeResult {
	groups: number;
	sameNode: LatencyResult;
	crossNode: LatencyResult;
	addedP50Ms: number;
	addedP99Ms: number;
}

export async function crossNode(opts: { ports: [number, number]; env: Record<string, string>; logFile: string; groups: BenchGroup[]; timing: Timing }): Promise<CrossNodeResult> {
	const [a, b] = await Promise.all(opts.ports.map((port) => startServer({ kind: 'app', port, env: opts.env, logFile: opts.logFile })));
	const measure = async (displayUrl: string) => {
		const fleet = new Fleet();
		try {
			await fleet.add(opts.groups, { controller: a.url, display: displayUrl });
			return await fleet.drive({ groups: opts.groups.length, burst: false, ...opts.timing });
		} finally {
			fleet.close();
		}
	};
	try {
		const sameNode = await measure(a.url);
		const crossNode = await measure(b.url);
		return { groups: opts.groups.length, sameNode, crossNode, addedP50Ms: crossNode.p50Ms - sameNode.p50Ms, addedP99Ms: crossNode.p99Ms - sameNode.p99Ms };
	} finally {
		await Promise.all([a.kill(), b.kill()]);
	}
}
