/**
 * [R80] A write acknowledged only once enough replicas hold it: `WAIT` sent right behind the write on
 * the same connection (one pipeline, so a command stays one round trip), one `WAIT` for every write
 * of a tick.
 */
import type { RedisConnection } from '../redis.ts';

/** A write the primary has but too few replicas confirmed in time: answered as retryable [R80]. */
class ReplicasBehindError extends Error {
	constructor(confirmed: number, wanted: number) {
		super(`${confirmed} of ${wanted} replicas confirmed the write in time`);
		this.name = 'ReplicasBehindError';
	}
}

/** `replicated(write, written)` for this connection; with `minReplicas` 0, the write alone. */
export function replication(redis: RedisConnection, minReplicas: number, replicaTimeoutMs: number) {
	/**
	 * [R80] Sends `write` and, right behind it on the same connection (one pipeline, so still one round
	 * trip), `WAIT` for the replicas; the reply is the write's once enough replicas confirmed it.
	 * `written(reply)` says whether the reply means something was written (a compare-and-set that lost
	 * to another node wrote nothing, and needs no replica).
	 */
	async function replicated<T>(write: () => Promise<T>, written: (reply: T) => boolean = () => true): Promise<T> {
		if (minReplicas === 0) return write();
		const sent = write();
		const confirmation = replicas(); // asked now: it goes right behind the write
		confirmation.catch(() => {}); // a write that wrote nothing does not wait for it
		const reply = await sent;
		if (!written(reply)) return reply; // lost to another node: try again at once, nothing to confirm
		const confirmed = await confirmation;
		if (confirmed < minReplicas) throw new ReplicasBehindError(confirmed, minReplicas);
		return reply;
	}

	/**
	 * One `WAIT` for every write sent in the same tick (group commit): it goes right behind them, in the
	 * same pipeline, and covers them all. A `WAIT` holds up what follows it on the connection until the
	 * replicas answer, so one per write would queue every group's commands behind each other's.
	 */
	let nextWait: Promise<number> | null = null;
	function replicas(): Promise<number> {
		nextWait ??= new Promise<number>((resolve, reject) =>
			queueMicrotask(() => {
				nextWait = null; // writes from now on wait for the next one
				redis.wait(minReplicas, replicaTimeoutMs).then(resolve, reject);
			})
		);
		return nextWait;
	}

	return replicated;
}
