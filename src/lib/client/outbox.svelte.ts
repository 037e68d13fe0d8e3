/**
 * [R50][R67] The commands a page has made that the server has not answered for good: in the order
 * they were made, sealed as they go in, sent one at a time over the page's socket, sent again with
 * the same id after a lost answer or a reconnect (the server answers a repeated id with its first
 * result), and kept, sealed, across a reload (outbox-storage.ts).
 */
import type { Command, CommandAck, ProtocolError } from '../protocol/protocol.ts';
import { ERROR_CODE, RETRYABLE } from '../protocol/errors.ts';
import type { RoomCipher } from '../crypto/room-cipher.ts';
import { isSealed } from '../crypto/text-format.ts';
import { mapCommandText } from '../protocol/sealed.ts';
import { loadOutbox, saveOutbox, type OutboxStorage } from './outbox-storage.ts';
import type { RoomSocket } from './room-socket.ts';

/** An ack that has not come after this long is taken as lost: the command goes again, same id. */
export const ACK_TIMEOUT_MS = 10_000;

export interface PendingCommand {
	command: Command;
	/** Number of times it was emitted. */
	attempts: number;
}

interface OutboxEntry extends PendingCommand {
	/** What goes over the wire: the command with its texts sealed; null until sealed. */
	wire: Command | null;
	/** Being sealed now. */
	sealing: boolean;
	/** Emitted and not answered yet. */
	inFlight: boolean;
	settle: (ack: CommandAck) => void;
}

export interface OutboxOptions {
	socket: RoomSocket;
	/** The group's cipher of the moment: a key can arrive after the outbox was made. */
	cipher: () => RoomCipher;
	/** Delay before sending again a command the server could not take yet (store unavailable). */
	retryDelayMs: number;
	/** Where the outbox is kept across a reload, under `key`; without a key it lives in memory only. */
	storage: () => OutboxStorage | null;
	key?: string;
}

export class Outbox {
	/** What waits for an answer, oldest first, with its typed texts (never the sealed form). */
	pending = $state.raw<PendingCommand[]>([]);
	/** The last command the server refused, for the page to show in words. */
	lastError = $state.raw<ProtocolError | null>(null);
	/** The server could not save the last command (its store is away): it is kept and sent again. */
	savingPaused = $state(false);

	#options: OutboxOptions;
	#entries = new Map<string, OutboxEntry>();
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(options: OutboxOptions) {
		this.#options = options;
		this.#restore();
	}

	/** Takes its place at once, so commands go in the order they were made though sealing is async. */
	add(command: Command): Promise<CommandAck> {
		return new Promise((resolve) => {
			const entry: OutboxEntry = { command, wire: null, sealing: false, attempts: 0, inFlight: false, settle: resolve };
			this.#entries.set(command.id, entry);
			this.#list(); // kept (sealed) once it is sealed
			this.#seal(entry);
		});
	}

	/** A new connection: the answers the old one was waiting for will never come, so all go again. */
	reconnected(): void {
		for (const entry of this.#entries.values()) entry.inFlight = false;
		this.#pump();
	}

	/** Stops for good: no retry, no timer left behind. */
	close(): void {
		this.#closed = true;
		clearTimeout(this.#retryTimer);
	}

	/** Seals a command's texts; it is sent when it is sealed and at the head. */
	#seal(entry: OutboxEntry) {
		entry.sealing = true;
		this.#options
			.cipher()
			.seal(entry.command)
			.then(
				(wire) => {
					entry.sealing = false;
					entry.wire = wire;
					if (this.#entries.get(entry.command.id) !== entry) return;
					this.#save();
					this.#pump();
				},
				() => {
					entry.sealing = false; // the cipher library did not load (offline): try again shortly
					this.#scheduleRetry();
				}
			);
	}

	/**
	 * [R50] One command at a time, oldest first: a device's taps apply in the order they were made,
	 * even when some have to be sent again.
	 */
	#pump() {
		const { socket } = this.#options;
		if (!socket.connected || this.#retryTimer) return;
		const head = this.#entries.values().next().value;
		if (!head || head.inFlight) return;
		if (!head.wire) {
			if (!head.sealing) this.#seal(head);
			return; // sent once sealed
		}
		head.inFlight = true;
		head.attempts += 1;
		socket.timeout(ACK_TIMEOUT_MS).emit('command', head.wire, (error, ack) => {
			// no answer (lost, or the link dropped): it may have applied, so it goes again with its id
			if (error) return this.#unanswered(head.command.id);
			this.#settle(head.command.id, ack);
		});
	}

	#unanswered(id: string) {
		const entry = this.#entries.get(id);
		if (!entry || !entry.inFlight) return;
		entry.inFlight = false;
		this.#scheduleRetry();
	}

	/**
	 * [R67] An answer: accepted, or refused for good (shown once, and dropped: sending it again would
	 * fail the same way and hold up every later tap), or refused for now (kept, sent again).
	 */
	#settle(id: string, ack: CommandAck) {
		const entry = this.#entries.get(id);
		if (!entry || !entry.inFlight) return; // answered already, or its connection is gone
		entry.inFlight = false;
		if (!ack.ok && RETRYABLE.has(ack.error.code)) {
			if (ack.error.code === ERROR_CODE.unavailable) this.savingPaused = true;
			this.#scheduleRetry();
			return;
		}
		this.savingPaused = false;
		this.#entries.delete(id);
		this.#publish();
		if (!ack.ok) this.lastError = ack.error;
		entry.settle(ack);
		this.#pump();
	}

	#scheduleRetry() {
		if (this.#retryTimer || this.#closed) return;
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = undefined;
			this.#pump();
		}, this.#options.retryDelayMs);
	}

	/** What the page shows as waiting. */
	#list() {
		this.pending = [...this.#entries.values()].map(({ command, attempts }) => ({ command, attempts }));
	}

	/** An entry left: shown and kept without it. */
	#publish() {
		this.#list();
		this.#save();
	}

	#save() {
		// a command still being sealed is kept once it is: its texts never reach storage in the clear
		const wires = [...this.#entries.values()].flatMap((e) => (e.wire ? [e.wire] : []));
		saveOutbox(this.#options.storage(), this.#options.key, wires);
	}

	#restore() {
		for (const wire of loadOutbox(this.#options.storage(), this.#options.key)) {
			// what a command shows while it waits is its typed text, opened here: never the sealed form
			const entry: OutboxEntry = { command: blankTexts(wire), wire, sealing: false, attempts: 0, inFlight: false, settle: () => {} };
			this.#entries.set(wire.id, entry);
			void this.#options
				.cipher()
				.openCommand(wire)
				.then((opened) => {
					entry.command = opened;
					if (this.#entries.get(wire.id) === entry) this.#list();
				});
		}
		this.#list();
	}
}

/** A sealed command with its texts left out, until they are opened. */
function blankTexts(command: Command): Command {
	return mapCommandText(command, (text) => (isSealed(text) ? '' : text));
}
