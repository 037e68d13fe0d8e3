/**
 * What a facilitator's command meets first: the per-device rate limit [R45]; and, for every socket
 * whatever its role, the cut-off once it has been refused too often [R69]. A refused command costs almost
 * nothing, and is decided at once: a socket with more than `commandsInFlightPerSocket` commands
 * waiting for their answers (a page has one), or that has sent more than the device's limit within
 * the 10 s window, is refused without asking the limiter (which counts the device on all its sockets, and
 * answers asynchronously, too late for commands pipelined in one read); once the limiter refuses, it
 * is not asked again until its window has passed. Refusals are logged as counts (RefusalLog, log.ts).
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { allowance } from './limits.ts';

const WINDOW_MS = 10_000;

export const GUARD = { ok: 'ok', limited: 'limited', flooding: 'flooding' } as const;
export type GuardAnswer = (typeof GUARD)[keyof typeof GUARD];

/** One per socket. */
export class CommandGuard {
	/** Commands of this socket being run now (counted by the caller, `track`). */
	#inFlight = 0;
	#blockedUntil = 0;
	#refusals = 0;
	#sent = 0;
	#windowEnds = 0;

	constructor(
		private readonly limiter: RateLimiterAbstract,
		private readonly deviceId: string,
		private readonly limits: { commandsPer10sPerDevice: number; commandsInFlightPerSocket: number; floodRefusalsPer10s: number }
	) {}

	/** Counts `work` as one of this socket's commands in flight until it settles. */
	track<T>(work: () => Promise<T>): Promise<T> {
		this.#inFlight += 1;
		return work().finally(() => void (this.#inFlight -= 1));
	}

	/** Whether this command may go on. Synchronous whenever the answer is no. */
	admit(): GuardAnswer | Promise<GuardAnswer> {
		const now = this.#window();
		this.#sent += 1;
		const pipelined = this.#inFlight > this.limits.commandsInFlightPerSocket;
		if (pipelined || now < this.#blockedUntil || this.#sent > this.limits.commandsPer10sPerDevice) return this.refused();
		return allowance(this.limiter, this.deviceId).then((answer) => {
			if (answer.ok) return GUARD.ok;
			this.#blockedUntil = Date.now() + answer.retryInMs;
			return this.refused();
		});
	}

	/** Counts a refusal (of any kind) against the socket; `flooding` once there are too many in the window. */
	refused(): GuardAnswer {
		this.#window();
		this.#refusals += 1;
		return this.#refusals > this.limits.floodRefusalsPer10s ? GUARD.flooding : GUARD.limited;
	}

	/** Starts a new 10 s window when the last has passed; the time now. */
	#window(): number {
		const now = Date.now();
		if (now >= this.#windowEnds) {
			this.#windowEnds = now + WINDOW_MS;
			this.#refusals = 0;
			this.#sent = 0;
		}
		return now;
	}
}
