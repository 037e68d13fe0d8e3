import { LINK, type LinkStatus } from '../../client/room-connection.svelte.ts';

/** How long the projector may show what it last knew while the server is out of reach. */
export const OFFLINE_GRACE_MS = 3000;

/**
 * The projector's privacy guard. Session content is shown only while it is known to be current:
 * after the first snapshot, until the link has been down for OFFLINE_GRACE_MS, and again only once
 * the server has sent a new snapshot (the room may have ended meanwhile: nothing stale reappears).
 */
export class FailClosed {
	/** True: show the neutral screen, nothing of the session. */
	closed = $state(true);

	#graceMs: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#snapshots = 0;
	#snapshotsAtClose = 0;

	constructor(graceMs = OFFLINE_GRACE_MS) {
		this.#graceMs = graceMs;
	}

	/** Feed it the connection's status and snapshot count whenever either changes. */
	observe(status: LinkStatus, snapshotsReceived: number): void {
		this.#snapshots = snapshotsReceived;
		if (status === LINK.online) {
			this.#cancelTimer();
			if (this.closed && snapshotsReceived > this.#snapshotsAtClose) this.closed = false;
			return;
		}
		if (!this.closed && this.#timer === undefined) {
			this.#timer = setTimeout(() => {
				this.#timer = undefined;
				this.closed = true;
				this.#snapshotsAtClose = this.#snapshots;
			}, this.#graceMs);
		}
	}

	dispose(): void {
		this.#cancelTimer();
	}

	#cancelTimer() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
