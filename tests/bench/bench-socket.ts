/**
 * The load generator's clients. What the bench needs of a socket is small: its first snapshot, every
 * later snapshot's version and speaker (the remote sends `speaker.set` with a sequence number as the
 * name), and `command` with an ack. Two ways to get it:
 *
 * - `wireSocket`: Socket.IO v4 frames by hand over `ws`, each snapshot read for those two numbers
 *   without being parsed. The latency sweeps use it: with socket.io-client the load generator spent
 *   as much CPU as the server it measured (30 % of its core at 1000 groups × 4, the core it shares
 *   with Redis), so past ~2000 groups it, not the server, set the figures. Same for the app and B1.
 *   (The pages' former client of their own, which parsed every snapshot too, cost it 24-25 % of its
 *   core at 1000 groups, against 19 % here.)
 * - `pageSocket`: the pages' own socket (socket.io-client, opened by src/lib/client/room-socket.ts as a
 *   page opens it, with its reconnect settings), for the reconnect storm, where the client's own
 *   backoff is what is measured.
 */
import WebSocket from 'ws';
import type { Command } from '../../src/lib/protocol/protocol.ts';
import { openRoomSocket } from '../../src/lib/client/room-socket.ts';

export interface BenchSocket {
	/** Resolves with the first snapshot; rejects on a refusal or after `timeoutMs`. */
	readonly ready: Promise<void>;
	readonly connected: boolean;
	/** Every snapshot: its version, and the speaker's sequence number (null: no bench speaker). */
	onState(listener: (version: number, speakerSeq: number | null) => void): void;
	command(command: object, ack: (ok: boolean, version: number) => void): void;
	/** The pages' client only: each attempt to (re)connect. */
	onReconnectAttempt?(listener: () => void): void;
	close(): void;
}

export interface SocketOptions {
	url: string;
	auth: Record<string, string>;
	timeoutMs: number;
}


const VERSION = /"version":(\d+)/;
const BENCH_SPEAKER = /"speaker":\{"name":"s(\d+)"/;

function readSnapshot(json: string): [number, number | null] {
	const seq = BENCH_SPEAKER.exec(json);
	return [Number(VERSION.exec(json)?.[1] ?? 0), seq ? Number(seq[1]) : null];
}

export function wireSocket(opts: SocketOptions): BenchSocket {
	const url = new URL('/socket.io/?EIO=4&transport=websocket', opts.url.replace(/^http/, 'ws'));
	const ws = new WebSocket(url, { perMessageDeflate: false });
	const listeners: Array<(version: number, seq: number | null) => void> = [];
	const acks = new Map<number, (ok: boolean, version: number) => void>();
	let nextAck = 0;
	let connected = false;
	let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
	const ready = new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no first snapshot')), opts.timeoutMs);
		settle = {
			resolve: () => (clearTimeout(timer), resolve()),
			reject: (e) => (clearTimeout(timer), reject(e))
		};
	});
	ws.on('error', (e) => settle?.reject(e));
	ws.on('close', () => (connected = false));
	ws.on('message', (data) => {
		const text = data.toString();
		switch (text[0]) {
			case '0': // Engine.IO open: connect to the main namespace with the credential
				return ws.send(`40${JSON.stringify(opts.auth)}`);
			case '2': // Engine.IO ping
				return ws.send('3');
			case '4':
				break;
			default:
				return;
		}
		const kind = text[1];
		if (kind === '0') connected = true;
		else if (kind === '4') settle?.reject(new Error(`refused: ${text.slice(2, 200)}`));
		else if (kind === '2' && text.startsWith('42["state",')) {
			const [version, seq] = readSnapshot(text);
			settle?.resolve();
			settle = null;
			for (const listener of listeners) listener(version, seq);
		} else if (kind === '3') {
			const open = text.indexOf('[');
			const id = Number(text.slice(2, open));
			const reply = JSON.parse(text.slice(open))[0] as { ok: boolean; version?: number };
			acks.get(id)?.(reply.ok, reply.version ?? 0);
			acks.delete(id);
		}
	});
	return {
		ready,
		get connected() {
			return connected;
		},
		onState: (listener) => void listeners.push(listener),
		command(command, ack) {
			const id = nextAck++;
			acks.set(id, ack);
			ws.send(`42${id}${JSON.stringify(['command', command])}`);
		},
		close: () => ws.terminate()
	};
}

export function pageSocket(opts: SocketOptions): BenchSocket {
	const attempts: Array<() => void> = [];
	const link = openRoomSocket({
		url: opts.url,
		auth: opts.auth as { groupId: string; key: string },
		network: null,
		onAttempt: () => attempts.forEach((listener) => listener())
	});
	const socket = link.socket;
	const ready = new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no first snapshot')), opts.timeoutMs);
		socket.once('state', () => (clearTimeout(timer), resolve()));
	});
	return {
		ready,
		get connected() {
			return socket.connected;
		},
		onState: (listener) =>
			void socket.on('state', (s) => {
				const name = s.session?.speaker?.name;
				listener(s.version, name?.startsWith('s') ? Number(name.slice(1)) : null);
			}),
		command: (command, ack) =>
			socket.timeout(10_000).emit('command', command as Command, (error, answer) => ack(!error && answer.ok, answer?.ok ? answer.version : 0)),
		onReconnectAttempt: (listener) => void attempts.push(listener),
		close: () => link.close()
	};
}
