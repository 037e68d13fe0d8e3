/**
 * The pages' Socket.IO client: the Socket.IO 5 protocol over Engine.IO 4, WebSocket only (the only
 * transport the server accepts), with just what RoomConnection needs: `auth` on connect, events in,
 * a command out with an acknowledgement and a timeout, the server's heartbeat, and reconnecting with
 * backoff. It sends the same frames as socket.io-client, behaves the same on each kind of close
 * (below), and is a tenth of its size on every page (issue 7's page budgets).
 *
 * - The link drops, or the server stops answering pings: `disconnect`, then it reconnects by itself.
 * - It cannot reach the server: `connect_error` (`active` stays true), and it tries again.
 * - The server refuses the handshake (`next(error)` in a middleware): `connect_error` with the
 *   error's `data`, and `active` is false: it tries again only when `connect()` is called.
 * - The server disconnects this socket: `disconnect` ("io server disconnect"), and it stays so.
 * - The browser says it went offline: the link counts as lost at once, not after the heartbeat's
 *   45 s (the projector hides the room 3 s after its link is lost, [R28]).
 */

/** Engine.IO packet types (the first character of a frame). */
const ENGINE = { open: '0', close: '1', ping: '2', pong: '3', message: '4' } as const;
/** Socket.IO packet types (the character after Engine.IO's `4`). */
const PACKET = { connect: '0', disconnect: '1', event: '2', ack: '3', connectError: '4' } as const;
const OPEN = 1; // WebSocket.OPEN
const MAX_BACKOFF_EXPONENT = 20;
const CONNECT_TIMEOUT_MS = 20_000;

export type ConnectError = Error & { data?: unknown };

/** How the pages reconnect: 0.5 s doubling up to 5 s, each delay ±50 % at random (the bench's storm uses it too). */
export const PAGE_BACKOFF = { reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5 } as const;

type Handler = (...args: any[]) => void;
type EventsMap<T> = { [K in keyof T]: Handler };
interface Reserved {
	connect: () => void;
	disconnect: (reason: string) => void;
	connect_error: (error: ConnectError) => void;
}

export interface SocketOptions {
	/** Sent with every handshake (the server's `socket.handshake.auth`). */
	auth: Record<string, unknown>;
	reconnectionDelay: number;
	reconnectionDelayMax: number;
	/** Each delay is moved up or down by up to this fraction of it, at random. */
	randomizationFactor: number;
	/** A connection attempt not answered by then is given up and tried again (20 s, as socket.io-client's `timeout`). */
	connectTimeoutMs?: number;
	/** The WebSocket class; the global one by default. */
	WebSocket?: typeof WebSocket;
}

/** `ws(s)://<origin>/socket.io/?EIO=4&transport=websocket` for an http(s) origin, the page's by default. */
export function socketUrl(origin: string = location.origin): string {
	const url = new URL('/socket.io/?EIO=4&transport=websocket', origin);
	url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
	return url.href;
}

export class Socket<In extends EventsMap<In>> {
	/** Connected to the server, handshake accepted. */
	connected = false;
	#active = false;
	#ws: WebSocket | null = null;
	#handlers = new Map<string, Handler[]>();
	#acks = new Map<number, (error: Error | null, ...args: unknown[]) => void>();
	#nextAck = 0;
	#attempts = 0;
	#reconnectTimer: ReturnType<typeof setTimeout> | undefined;
	#heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
	/** When the connection counts as dead if no ping came: the server's interval plus its timeout. */
	#deadline = 0;
	#window = 0;

	/** Connects at once. */
	constructor(
		readonly url: string,
		private readonly options: SocketOptions
	) {
		if (typeof addEventListener === 'function') addEventListener('offline', this.#offline);
		this.connect();
	}

	#offline = () => {
		if (this.#ws) this.#lost('transport close');
	};

	/** Whether it reconnects by itself (false once refused or disconnected by the server, or closed). */
	get active(): boolean {
		return this.#active;
	}

	on<E extends keyof In | keyof Reserved>(event: E, handler: E extends keyof Reserved ? Reserved[E] : In[E & keyof In]): this {
		const list = this.#handlers.get(event as string) ?? [];
		list.push(handler as Handler);
		this.#handlers.set(event as string, list);
		return this;
	}

	/** (Re)connects, unless it is connected or connecting already. */
	connect(): void {
		if (this.#active && (this.#ws || this.#reconnectTimer)) return;
		this.#active = true;
		this.#open();
	}

	/**
	 * Sends an event whose answer comes to `callback`, or an error after `timeoutMs`, or when the
	 * connection closes first. Sent only while connected.
	 */
	emitWithAck(timeoutMs: number, event: string, payload: unknown, callback: (error: Error | null, answer?: unknown) => void): void {
		const id = this.#nextAck++;
		const timer = setTimeout(() => {
			this.#acks.delete(id);
			callback(new Error('operation has timed out'));
		}, timeoutMs);
		this.#acks.set(id, (error, answer) => {
			clearTimeout(timer);
			callback(error, answer);
		});
		this.#send(`${ENGINE.message}${PACKET.event}${id}${JSON.stringify([event, payload])}`);
	}

	close(): void {
		if (typeof removeEventListener === 'function') removeEventListener('offline', this.#offline);
		this.#active = false;
		clearTimeout(this.#reconnectTimer);
		this.#reconnectTimer = undefined;
		if (this.connected) this.#send(`${ENGINE.message}${PACKET.disconnect}`);
		this.#drop('io client disconnect');
	}

	#open() {
		this.#reconnectTimer = undefined;
		let ws: WebSocket;
		try {
			ws = new (this.options.WebSocket ?? WebSocket)(this.url);
		} catch (error) {
			return this.#lost(error instanceof Error ? error.message : 'websocket error');
		}
		this.#ws = ws;
		// until the server's first frame; then its heartbeat tells whether the link is alive
		this.#heartbeatTimer = setTimeout(() => this.#lost('timeout'), this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
		ws.onerror = () => {}; // a close follows (and Node's `ws` throws an error nobody listens to)
		ws.onmessage = (e) => {
			if (this.#ws === ws) this.#frame(String(e.data));
		};
		ws.onclose = () => {
			if (this.#ws === ws) this.#lost('transport close');
		};
	}

	#frame(frame: string) {
		switch (frame[0]) {
			case ENGINE.open: {
				const { pingInterval, pingTimeout } = JSON.parse(frame.slice(1)) as { pingInterval: number; pingTimeout: number };
				this.#heartbeat(pingInterval + pingTimeout);
				this.#send(`${ENGINE.message}${PACKET.connect}${JSON.stringify(this.options.auth)}`);
				break;
			}
			case ENGINE.ping:
				this.#heartbeat(this.#window);
				this.#send(ENGINE.pong);
				break;
			case ENGINE.close:
				this.#lost('transport close');
				break;
			case ENGINE.message:
				this.#packet(frame.slice(1));
				break;
		}
	}

	/** The server pings every `pingInterval`; no ping for `window` ms means the link is dead. */
	#heartbeat(window: number) {
		this.#window = window;
		this.#deadline = Date.now() + window;
		clearTimeout(this.#heartbeatTimer);
		this.#heartbeatTimer = setTimeout(() => this.#lost('ping timeout'), window);
	}

	#packet(packet: string) {
		if (packet[1] === '/') return; // another namespace: this client uses only the main one
		const [, id, json] = /^.(\d*)([\s\S]*)$/.exec(packet) ?? [];
		let body: unknown;
		try {
			body = json ? JSON.parse(json) : undefined;
		} catch {
			return; // not Socket.IO: ignored
		}
		switch (packet[0]) {
			case PACKET.connect:
				this.connected = true;
				this.#attempts = 0;
				this.#emit('connect');
				break;
			case PACKET.connectError: {
				const { message, data } = (body ?? {}) as { message?: string; data?: unknown };
				this.#active = false;
				this.#drop(null);
				this.#emit('connect_error', Object.assign(new Error(message ?? 'refused'), { data }));
				break;
			}
			case PACKET.disconnect:
				this.#active = false;
				this.#drop('io server disconnect');
				break;
			case PACKET.event:
				if (Array.isArray(body) && typeof body[0] === 'string') this.#emit(body[0], ...body.slice(1));
				break;
			case PACKET.ack: {
				const ack = this.#acks.get(Number(id));
				this.#acks.delete(Number(id));
				if (ack && Array.isArray(body)) ack(null, ...body);
				break;
			}
		}
	}

	#send(frame: string) {
		const ws = this.#ws;
		if (!ws || ws.readyState !== OPEN) return;
		// a phone that slept may hold a dead link whose timers did not run: do not write into it
		if (this.#deadline && Date.now() > this.#deadline) return this.#lost('ping timeout');
		ws.send(frame);
	}

	/** The link is gone by no choice of this client's: tell, and reconnect if still active. */
	#lost(reason: string) {
		const wasConnected = this.connected;
		this.#drop(wasConnected ? reason : null);
		if (!wasConnected) this.#emit('connect_error', new Error(reason));
		if (this.#active && !this.#reconnectTimer) {
			const { reconnectionDelay, reconnectionDelayMax, randomizationFactor } = this.options;
			const base = reconnectionDelay * 2 ** Math.min(this.#attempts++, MAX_BACKOFF_EXPONENT);
			const delay = base * (1 + (Math.random() * 2 - 1) * randomizationFactor);
			this.#reconnectTimer = setTimeout(() => this.#open(), Math.min(delay, reconnectionDelayMax));
		}
	}

	/** Closes the WebSocket; with a reason, a connected socket says `disconnect` and answers its acks with an error. */
	#drop(reason: string | null) {
		clearTimeout(this.#heartbeatTimer);
		this.#deadline = 0;
		const ws = this.#ws;
		this.#ws = null;
		if (ws) {
			ws.onmessage = ws.onclose = null;
			try {
				ws.close();
			} catch {
				// closing a socket that never opened
			}
		}
		if (!this.connected) return;
		this.connected = false;
		const acks = [...this.#acks.values()];
		this.#acks.clear();
		for (const ack of acks) ack(new Error('socket has been disconnected'));
		if (reason) this.#emit('disconnect', reason);
	}

	#emit(event: string, ...args: unknown[]) {
		for (const handler of this.#handlers.get(event) ?? []) handler(...args);
	}
}
