/**
 * The one socket a page holds: it connects with the device credential, keeps the newest snapshot
 * (opened with the group key), and sends commands through its outbox (outbox.svelte.ts): a command
 * stays pending until acknowledged and is sent again with the same id after a reconnect.
 */
import type { Command, CommandAck, CommandInput, ProtocolError, RecordsReply, RoomState } from '../protocol/protocol.ts';
import { ERROR_CODE } from '../protocol/errors.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { READABILITY, RoomCipher, type Readability } from '../crypto/room-cipher.ts';
import type { TextEngine } from '../crypto/text-engines.ts';
import type { Joining } from './group-key.ts';
import { passKeys, wrapFor } from './key-courier.ts';
import { ACK_TIMEOUT_MS, Outbox, type PendingCommand } from './outbox.svelte.ts';
import { sessionStore, type OutboxStorage } from './outbox-storage.ts';
import { finalRefusal, openRoomSocket, type RoomSocket, type RoomSocketLink, type RoomSocketOptions } from './room-socket.ts';

export const LINK = {
	connecting: 'connecting',
	online: 'online',
	offline: 'offline',
	/** The server refused this device's credential: reconnecting will not help. */
	refused: 'refused',
	/** A facilitator removed this device from the group [R42]. */
	revoked: 'revoked',
	/** The server speaks another protocol version: this page must be reloaded [R66]. */
	outdated: 'outdated'
} as const;
export type LinkStatus = (typeof LINK)[keyof typeof LINK];

export interface ConnectionOptions {
	/** Server origin; defaults to the page's own. */
	url?: string;
	/** Delay before retrying a command the server could not save yet (store unavailable). */
	retryDelayMs?: number;
	/** The group key: texts are sealed with it as they leave and opened as they arrive. */
	groupKey?: Uint8Array | null;
	/** An invited device waiting for the group key to be wrapped for it. */
	joining?: Joining | null;
	/** Called once when a waiting device receives the group key. */
	onGroupKey?: (key: Uint8Array) => void;
	/**
	 * Where the outbox is kept across a reload (the page's sessionStorage by default), under
	 * `outboxKey`; without a key it lives in memory only.
	 */
	outboxKey?: string;
	storage?: OutboxStorage | null;
	/** How texts are sealed and opened; the page's (WebCrypto) by default. Tests slow it down. */
	engine?: Promise<TextEngine>;
	/** Opens the socket (room-socket.ts by default); tests hand in one that watches it. */
	openSocket?: (options: RoomSocketOptions) => RoomSocketLink;
}

export class RoomConnection {
	status = $state<LinkStatus>(LINK.connecting);
	/** The newest snapshot seen; never replaced by an older version. */
	room = $state.raw<RoomState | null>(null);
	refusal = $state.raw<ProtocolError | null>(null);
	/**
	 * How many snapshots arrived, counting ones ignored as not newer. A snapshot of an unchanged room
	 * after a reconnect leaves `room` as it was; this lets a page see that the server answered. Counted
	 * once the snapshot is dealt with (opened and shown, or ignored), so that `room` is never older
	 * than the count says: the projector shows the room again on a new count [R28].
	 */
	snapshotsReceived = $state(0);
	/** Whether the texts of the group open with this device's key (see RoomCipher). */
	readability = $state<Readability>(READABILITY.readable);
	/** This device's id in the group's device list, as the server tells each socket on connect. */
	deviceId = $state<string | null>(null);

	#link: RoomSocketLink;
	#socket: RoomSocket;
	#groupId: string;
	#cipher: RoomCipher;
	#options: ConnectionOptions;
	/** The newest snapshot as it arrived (sealed); `room` is it opened. */
	#raw: RoomState | null = null;
	/** `#raw` could not be opened (the cipher library did not load): the next snapshot tries again. */
	#rawFailed = false;
	/** Snapshots are opened asynchronously, numbered in the order they arrived... */
	#opening = 0;
	/** Settles when the last snapshot that arrived has been opened (or failed to). */
	#lastShow: Promise<void> = Promise.resolve();
	/** ...and the one on screen is never replaced by one that arrived before it. */
	#onScreen = 0;
	#delivered = new Set<string>();
	/** The server said the next snapshot is the store's state after a failover [R80]. */
	#resync = false;
	#outbox: Outbox;

	constructor(groupId: string, key: string, options: ConnectionOptions = {}) {
		this.#groupId = groupId;
		this.#options = options;
		this.#cipher = new RoomCipher(groupId, options.groupKey ?? null, options.engine);
		const open = options.openSocket ?? openRoomSocket;
		this.#link = open({ url: options.url, auth: { groupId, key, protocol: PROTOCOL_VERSION } });
		this.#socket = this.#link.socket;
		this.#outbox = new Outbox({
			socket: this.#socket,
			cipher: () => this.#cipher,
			retryDelayMs: options.retryDelayMs ?? 1000,
			storage: () => (options.storage === undefined ? sessionStore() : options.storage),
			key: options.outboxKey
		});
		this.#socket.on('connect', () => {
			this.status = LINK.online;
			this.refusal = null;
			this.#outbox.reconnected();
		});
		this.#socket.on('revoked', () => {
			this.status = LINK.revoked;
			this.room = null; // nothing of the group stays on a removed device's screen
			this.#raw = null;
			this.#onScreen = this.#opening; // nor does a snapshot still being opened
			this.#link.close();
		});
		this.#socket.on('disconnect', () => {
			if (this.status !== LINK.refused && this.status !== LINK.revoked) this.status = LINK.offline;
		});
		this.#socket.on('connect_error', (error) => {
			const refusal = this.#socket.active ? null : finalRefusal(error);
			if (refusal) {
				// reconnecting will not help: a new link will (refused), or reloading will (outdated)
				this.status = refusal.code === ERROR_CODE.outdated ? LINK.outdated : LINK.refused;
				this.refusal = refusal;
			} else {
				// the network, or a refusal for now (store unavailable): tried again (room-socket.ts)
				this.status = LINK.offline;
			}
		});
		this.#socket.on('device', (info) => void (this.deviceId = info.deviceId));
		this.#socket.on('resync', () => void (this.#resync = true));
		this.#socket.on('state', (snapshot) => this.#receive(snapshot));
	}

	/** Sends a command; resolves with the server's answer (after any retries). */
	send(input: CommandInput): Promise<CommandAck> {
		return this.#outbox.add({ ...input, id: newCommandId() } as Command);
	}

	/** What waits for an answer, oldest first. */
	get pending(): PendingCommand[] {
		return this.#outbox.pending;
	}

	/** The last command the server refused, for the page to show in words. */
	get lastError(): ProtocolError | null {
		return this.#outbox.lastError;
	}

	/** The server could not save the last command (its store is away): it is kept and sent again. */
	get savingPaused(): boolean {
		return this.#outbox.savingPaused;
	}

	/** [R53] The records for funders, asked of the server when wanted (no snapshot carries them). */
	records(): Promise<RecordsReply> {
		const notNow = (message: string): RecordsReply => ({ ok: false, error: { code: ERROR_CODE.unavailable, message } });
		if (!this.#socket.connected) return Promise.resolve(notNow('Not connected to the server right now.'));
		return this.#socket
			.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('records', {})
			.catch(() => notNow('No answer from the server yet.'));
	}

	isPending(type: Command['type']): boolean {
		return this.pending.some((p) => p.command.type === type);
	}

	get hasGroupKey(): boolean {
		return this.#cipher.hasKey;
	}

	/** The group key wrapped for a new device's X25519 public key, or null without a key here. */
	async wrapKeyFor(publicKey: string): Promise<string | null> {
		const key = this.#options.groupKey;
		return key ? wrapFor(key, publicKey, this.#groupId) : null;
	}

	/** A key that arrived later (an invited device): everything is opened again with it. */
	setGroupKey(key: Uint8Array): void {
		this.#options = { ...this.#options, groupKey: key, joining: null };
		this.#cipher = new RoomCipher(this.#groupId, key, this.#options.engine);
		if (this.#raw) this.#show(this.#raw, false);
	}

	/** Stops for good: no reconnect, no retry, no timer left behind. */
	close(): void {
		this.#outbox.close();
		this.#link.close();
	}

	#receive(snapshot: RoomState) {
		// [R23] ignore anything older than what this page already shows, but the store's own state
		// after it failed over [R80]: a version lost with the old primary is used again for another state
		const resync = this.#resync;
		this.#resync = false;
		if (!resync && this.#raw && this.#raw.groupId === snapshot.groupId && snapshot.version <= this.#raw.version) {
			if (this.#rawFailed) this.#show(this.#raw, false);
			void this.#lastShow.then(() => void (this.snapshotsReceived += 1));
			return;
		}
		this.#raw = snapshot;
		this.#show(snapshot, true);
		const { groupKey, joining, onGroupKey } = this.#options;
		void passKeys(snapshot, {
			groupId: this.#groupId,
			groupKey,
			joining,
			delivered: this.#delivered,
			send: (input) => void this.send(input),
			received: (key) => {
				onGroupKey?.(key);
				this.setGroupKey(key);
			}
		});
	}

	/**
	 * Opens a snapshot and shows it, unless one that arrived after it is on screen by then [R23].
	 * `arrived`: a snapshot just received (counted), not one shown again.
	 */
	#show(snapshot: RoomState, arrived: boolean) {
		const count = () => void (arrived && (this.snapshotsReceived += 1));
		const number = ++this.#opening;
		this.#rawFailed = false;
		this.#lastShow = this.#cipher.open(snapshot).then(
			({ state: opened, readability }) => {
				count();
				if (number <= this.#onScreen) return;
				this.#onScreen = number;
				this.readability = readability;
				this.room = opened;
			},
			() => {
				// a snapshot of a shape this page does not know (a newer server), or the cipher library
				// did not load (offline): keep the last good one
				count();
				if (snapshot === this.#raw) this.#rawFailed = true;
			}
		);
	}
}

function newCommandId(): string {
	const bytes = new Uint8Array(12);
	crypto.getRandomValues(bytes); // available on plain http too, unlike crypto.randomUUID
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
