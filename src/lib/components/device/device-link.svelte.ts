import { forgetCredential, takeCredential, type PageKind } from '../../client/device-credential.ts';
import { forgetJoining, rememberGroupKey, storedGroupKey, storedJoining } from '../../client/group-key.ts';
import { LINK, RoomConnection } from '../../client/room-connection.svelte.ts';
import { READABILITY } from '../../crypto/room-cipher.ts';

/**
 * What this browser knows of a page's credential beyond the credential itself: `<fingerprint>`
 * once the server let it in, `gone` once the server refused it after that (the server itself must
 * not say whether a group exists, R25: this page knows it because it was in before).
 */
const historyKey = (groupId: string, kind: PageKind) => `roomcast:${groupId}:${kind}:seen`;
const GONE = 'gone';

/** A short fingerprint (FNV-1a, 32 bits): tells "this credential worked here" without a second copy of it. */
function fingerprint(key: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return (hash >>> 0).toString(16);
}

function readHistory(groupId: string, kind: PageKind): string | null {
	try {
		return localStorage.getItem(historyKey(groupId, kind));
	} catch {
		return null; // storage refused (private mode)
	}
}

function writeHistory(groupId: string, kind: PageKind, value: string): void {
	try {
		localStorage.setItem(historyKey(groupId, kind), value);
	} catch {
		// storage refused: the page says what it knows until it is closed
	}
}

/**
 * A page's pairing with its group: the credential from the link or from storage, and the one
 * RoomConnection made with it. `open` is meant for an `$effect` and returns its own cleanup.
 */
export class DeviceLink {
	connection = $state.raw<RoomConnection | null>(null);
	/** No credential in the link or in storage. */
	missing = $state(false);

	constructor(readonly kind: PageKind) {}

	/** The page must show "not paired" and nothing of the group. */
	get unpaired(): boolean {
		return this.missing || this.connection?.status === LINK.refused || this.removed;
	}

	/**
	 * The server refused a credential that got this page in before (now or on an earlier visit): the
	 * group is no longer on the server (deleted, expired, a server that lost its data) or this device
	 * was removed while away. Opening the same link again cannot help.
	 */
	gone = $state(false);

	/** The group's texts do not open here: no key, or the wrong one [R49]. */
	get unreadable(): boolean {
		const r = this.connection?.readability;
		return r === READABILITY.noKey || r === READABILITY.wrongKey;
	}

	/** An invited device whose key has not arrived yet. */
	get awaitingKey(): boolean {
		return this.unreadable && !this.connection?.hasGroupKey && this.#joining;
	}

	#joining = $state(false);

	/** A facilitator removed this device while it was connected. */
	get removed(): boolean {
		return this.connection?.status === LINK.revoked;
	}

	open(groupId: string): () => void {
		const key = takeCredential(groupId, this.kind);
		if (!key) {
			this.missing = true;
			this.gone = readHistory(groupId, this.kind) === GONE;
			return () => {};
		}
		this.missing = false;
		this.gone = false;
		const joining = storedJoining(groupId);
		this.#joining = joining !== null;
		const conn = new RoomConnection(groupId, key, {
			groupKey: storedGroupKey(groupId),
			outboxKey: `roomcast:${groupId}:${this.kind}:outbox`,
			joining,
			onGroupKey: (groupKey) => {
				rememberGroupKey(groupId, groupKey);
				forgetJoining(groupId);
				this.#joining = false;
			}
		});
		this.connection = conn;
		// A refused credential will never work again (revoked, or a mistyped link): drop it so a
		// reload asks for the link instead of retrying forever.
		let registered = '';
		let rememberedIn = false;
		const stopWatching = $effect.root(() => {
			$effect(() => {
				if (conn.status === LINK.refused || conn.status === LINK.revoked) forgetCredential(groupId, this.kind);
			});
			// Remembered per credential, so that a refusal later can be told from a link that never worked.
			$effect(() => {
				const status = conn.status;
				if (status === LINK.revoked) writeHistory(groupId, this.kind, GONE); // it says "removed" now; "gone" after a reload
				else if (status === LINK.refused) {
					if (readHistory(groupId, this.kind) !== fingerprint(key)) return; // never in: a damaged or wrong link
					writeHistory(groupId, this.kind, GONE);
					this.gone = true;
				} else if (conn.room && !rememberedIn) {
					rememberedIn = true;
					writeHistory(groupId, this.kind, fingerprint(key));
				}
			});
			// A remote or desk lists its group among this device's groups, under its name as read here
			// (home, /pair); loaded apart so no device page carries the registry.
			$effect(() => {
				const name = this.kind === 'display' || this.unreadable ? '' : (conn.room?.group.name ?? '');
				if (!name || name === registered) return;
				registered = name;
				void import('../../client/my-groups.ts').then((groups) => groups.rememberGroup(groupId, { name }));
			});
		});
		return () => {
			stopWatching();
			conn.close();
			if (this.connection === conn) this.connection = null;
		};
	}
}
