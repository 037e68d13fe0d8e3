/**
 * A projector with no credential pairs by code, in the manner of the OAuth device flow: ask for a
 * code, show it, poll until a facilitator approves it, get a fresh code when it expires. `start` is
 * meant for an `$effect` and returns its own cleanup.
 */
export const PAIRING = { waiting: 'waiting', showing: 'showing', slowDown: 'slowDown', offline: 'offline', paired: 'paired' } as const;
export type PairingStatus = (typeof PAIRING)[keyof typeof PAIRING];

interface Issued {
	code: string;
	token: string;
	expiresAt: number;
	pollIntervalMs: number;
}

const RETRY_MS = 3000;
const SLOW_DOWN_MS = 30_000;

export class PairingRequest {
	status = $state<PairingStatus>(PAIRING.waiting);
	code = $state<string | null>(null);
	expiresAt = $state(0);

	start(onPaired: (groupId: string, token: string) => void): () => void {
		let alive = true;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const later = (ms: number, next: () => void) => {
			if (alive) timer = setTimeout(next, ms);
		};

		const ask = async () => {
			try {
				const res = await fetch('/api/pairings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
				if (!alive) return;
				if (res.status === 429) {
					this.status = PAIRING.slowDown;
					return later(SLOW_DOWN_MS, ask);
				}
				if (!res.ok) throw new Error(String(res.status));
				const issued = (await res.json()) as Issued;
				this.code = issued.code;
				this.expiresAt = issued.expiresAt;
				this.status = PAIRING.showing;
				later(issued.pollIntervalMs, () => poll(issued));
			} catch {
				if (!alive) return;
				this.status = PAIRING.offline;
				later(RETRY_MS, ask);
			}
		};

		const poll = async (issued: Issued) => {
			try {
				const res = await fetch('/api/pairings/poll', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ code: issued.code, token: issued.token })
				});
				if (!alive) return;
				if (res.status === 429) return later(SLOW_DOWN_MS, () => poll(issued));
				const answer = (await res.json()) as { status: string; groupId?: string };
				if (answer.status === 'approved' && answer.groupId) {
					this.status = PAIRING.paired;
					this.code = null;
					return onPaired(answer.groupId, issued.token);
				}
				if (answer.status === 'expired') return void ask();
				this.status = PAIRING.showing;
				later(issued.pollIntervalMs, () => poll(issued));
			} catch {
				if (!alive) return;
				this.status = PAIRING.offline;
				later(RETRY_MS, () => poll(issued));
			}
		};

		void ask();
		return () => {
			alive = false;
			clearTimeout(timer);
		};
	}
}
