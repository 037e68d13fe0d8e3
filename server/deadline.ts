/**
 * A call to Redis that has not answered by a deadline fails. node-redis's own command timeout stops
 * counting once a command is written to the socket, so it never fires for a Redis that has stalled
 * with its connection open (issue 13); every call that someone waits for is timed here instead, with
 * one plain timer (cheaper than node-redis's AbortSignal per command, issue 7's profile).
 */
class DeadlineError extends Error {
	constructor(ms: number) {
		super(`Redis did not answer within ${ms} ms`);
		this.name = 'DeadlineError';
	}
}

export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new DeadlineError(ms)), ms);
	});
	try {
		return await Promise.race([work, late]);
	} finally {
		clearTimeout(timer);
	}
}
