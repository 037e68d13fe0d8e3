/**
 * A projector with no credential pairs by code, in the manner of the OAuth device flow: ask for a
 * code, show it, poll until a facilitator approves it, get a fresh code when it expires. `start` is
 * meant for an `$effect` and returns its own cleanup.
 */
import { toBase64url } from '../../crypto/base64url.ts';
import { newKeyPair, unwrapGroupKey, type KeyPair } from '../../crypto/key-wrap.ts';

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
	/** When the code expires, by this device's clock. */
	expiresAt = $state(0);

	/**
	 * `onPaired` gets the group key too, when the approving device had it: wrapped for this screen's
	 * X25519 key pair [R48], made afresh for every code and never stored.
	 */
	start(onPaired: (groupId: string, token: string, groupKey: Uint8Array | null) => void): () => void {
		let alive = true;
		let keyPair: KeyPair = newKeyPair();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const later = (ms: number, next: () => void) => {
			if (alive) timer = setTimeout(next, ms);
		};

		const ask = async () => {
			try {
				keyPair = newKeyPair();
				const res = await fetch('/api/pairings', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ publicKey: toBase64url(keyPair.publicKey) })
				});
				if (!alive) return;
				if (res.status === 429) {
					this.status = PAIRING.slowDown;
					return later(SLOW_DOWN_MS, ask);
				}
				if (!res.ok) throw new Error(String(res.status));
				const issued = (await res.json()) as Issued;
				this.code = issued.code;
				this.expiresAt = localExpiry(issued.expiresAt, res.headers.get('date'));
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
				const answer = (await res.json()) as { status: string; groupId?: string; wrappedKey?: string | null };
				if (answer.status === 'approved' && answer.groupId) {
					this.status = PAIRING.paired;
					this.code = null;
					return onPaired(answer.groupId, issued.token, openKey(answer.wrappedKey ?? null, keyPair, answer.groupId));
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

function openKey(wrapped: string | null, keyPair: KeyPair, groupId: string): Uint8Array | null {
	if (!wrapped) return null;
	try {
		return unwrapGroupKey(wrapped, keyPair, groupId);
	} catch {
		return null; // not for this screen: it will say it cannot read the group
	}
}

/**
 * The code's expiry by this device's clock: an old projector laptop's clock may be minutes off the
 * server's, so the lifetime is measured against the server's own time (its `Date` header, whole
 * seconds: the lifetime is rounded down to them, so a fresh code reads 10 minutes, never 11).
 */
export function localExpiry(expiresAtServerMs: number, dateHeader: string | null, nowMs = Date.now()): number {
	const serverNowMs = dateHeader ? Date.parse(dateHeader) : NaN;
	const lifetimeMs = Number.isFinite(serverNowMs) ? Math.floor((expiresAtServerMs - serverNowMs) / 1000) * 1000 : expiresAtServerMs - nowMs;
	return nowMs + Math.max(0, lifetimeMs);
}
