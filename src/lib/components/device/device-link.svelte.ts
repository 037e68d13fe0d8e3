import { forgetCredential, takeCredential, type PageKind } from '../../client/device-credential.ts';
import { forgetJoining, rememberGroupKey, storedGroupKey, storedJoining } from '../../client/group-key.ts';
import { LINK, RoomConnection } from '../../client/room-connection.svelte.ts';
import { READABILITY } from '../../crypto/room-cipher.ts';

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
			return () => {};
		}
		this.missing = false;
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
		const stopWatching = $effect.root(() => {
			$effect(() => {
				if (conn.status === LINK.refused || conn.status === LINK.revoked) forgetCredential(groupId, this.kind);
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
