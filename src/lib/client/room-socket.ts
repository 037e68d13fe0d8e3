/**
 * The page's one Socket.IO connection: socket.io-client, set up as Roomcast's server expects it
 * (WebSocket only, the credential in the handshake's `auth`, a Manager of its own), with what a page
 * needs on top of the library:
 *
 * - The browser says the network is back (`online`): try at once, not when the backoff next allows.
 *   (The other way, engine.io-client already drops the link on `offline`, for every server but one
 *   at `localhost`, which a Wi-Fi drop does not cut off.)
 * - The server refuses the handshake for now (its store is away, too many connections from this
 *   address) or ends the connection without saying why: socket.io-client does not try again by
 *   itself after either, so this does, after a backoff with jitter (`refusalDelayMs`). A refusal
 *   that no retry can fix (the credential is refused, the page is outdated [R66]) is left to the
 *   page to show.
 *
 * A link lost by the network is socket.io-client's to restore (its own backoff, PAGE_BACKOFF); an
 * event emitted meanwhile waits in its buffer, never closes anything. The page's outbox sends
 * commands only while connected anyway (room-connection.svelte.ts).
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ProtocolError, ServerToClientEvents } from '../protocol/protocol.ts';
import { ERROR_CODE } from '../protocol/errors.ts';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Why the server refused a handshake, when it said (`next(error)` with `data` in a middleware). */
export function refusalOf(error: Error): ProtocolError | undefined {
	return (error as Error & { data?: ProtocolError }).data;
}

/** How the pages reconnect after a lost link: 0.5 s doubling up to 5 s, each ±50 % (socket.io-client's backoff). */
const PAGE_BACKOFF = { reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5 } as const;

interface RefusalBackoff {
	firstMs: number;
	maxMs: number;
}
/** After a refusal for now: 1 s doubling up to 15 s, each delay anywhere in the upper half of its step. */
export const REFUSAL_BACKOFF: RefusalBackoff = { firstMs: 1000, maxMs: 15_000 };

/** Refusals that no retry can fix: the page says what to do instead. */
const FINAL_REFUSALS: ReadonlySet<unknown> = new Set([ERROR_CODE.forbidden, ERROR_CODE.outdated]);

/** The server's refusal of a handshake when no retry can fix it (`forbidden`, `outdated`); else null. */
export function finalRefusal(error: Error): ProtocolError | null {
	const refusal = refusalOf(error);
	return refusal && FINAL_REFUSALS.has(refusal.code) ? refusal : null;
}

/**
 * The delay before try number `attempt` (0 first) after a refusal: the step doubles up to `maxMs`,
 * and the delay is drawn between half the step and all of it. Drawn after the cap, so devices
 * refused together stay spread out however long the refusals last (a cap applied after the jitter
 * would send them all back at the cap, together).
 */
export function refusalDelayMs(attempt: number, random: () => number = Math.random, backoff: RefusalBackoff = REFUSAL_BACKOFF): number {
	const step = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(attempt, 30));
	return step / 2 + random() * (step / 2);
}

export interface RoomSocketOptions {
	/** The server's origin; the page's own by default. */
	url?: string;
	auth: HandshakeAuth;
	/** Shorter delays for tests. */
	backoff?: { reconnectionDelay: number; reconnectionDelayMax: number; randomizationFactor: number };
	refusalBackoff?: RefusalBackoff;
	/** A connection attempt not answered by then is given up and tried again (socket.io-client's `timeout`). */
	connectTimeoutMs?: number;
	/** Where `online` is heard: the page's window by default (none in Node). */
	network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
	/** Told at the start of every attempt to (re)connect, the first included (the bench's storm counts them). */
	onAttempt?: () => void;
}

export interface RoomSocketLink {
	readonly socket: RoomSocket;
	/** Stops for good: no reconnect, no retry, no listener or timer left behind. */
	close(): void;
}

export function openRoomSocket(options: RoomSocketOptions): RoomSocketLink {
	const socket: RoomSocket = io(options.url ?? location.origin, {
		transports: ['websocket'], // the only transport the server accepts
		auth: options.auth,
		forceNew: true, // its own Manager: never a link shared with another group's page
		timeout: options.connectTimeoutMs ?? 20_000,
		...(options.backoff ?? PAGE_BACKOFF)
	});
	let refusals = 0;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	let closed = false;

	const retryLater = () => {
		if (closed || retryTimer) return;
		retryTimer = setTimeout(() => {
			retryTimer = undefined;
			if (closed || socket.connected) return;
			options.onAttempt?.();
			socket.connect();
		}, refusalDelayMs(refusals++, Math.random, options.refusalBackoff));
	};

	options.onAttempt?.();
	socket.io.on('reconnect_attempt', () => options.onAttempt?.());
	socket.on('connect', () => void (refusals = 0));
	socket.on('connect_error', (error) => {
		// still active: a network failure, which socket.io-client retries by itself
		if (!socket.active && !finalRefusal(error)) retryLater();
	});
	socket.on('disconnect', (reason) => {
		// the server closed this socket without a word (a device removed meanwhile is refused next time)
		if (reason === 'io server disconnect') retryLater();
	});

	const online = () => {
		// only a socket that means to connect: not one refused for good
		if (closed || socket.connected || (!socket.active && !retryTimer)) return;
		clearTimeout(retryTimer);
		retryTimer = undefined;
		// waiting out a backoff: start over now (a disconnect of a socket not connected says nothing)
		options.onAttempt?.();
		socket.disconnect().connect();
	};
	const network = options.network === undefined ? (typeof window === 'undefined' ? null : window) : options.network;
	network?.addEventListener('online', online);

	return {
		socket,
		close() {
			closed = true;
			clearTimeout(retryTimer);
			network?.removeEventListener('online', online);
			socket.disconnect();
		}
	};
}
