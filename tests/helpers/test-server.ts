/**
 * A real Roomcast server on an ephemeral port and real socket.io-client sockets, for integration
 * tests. Waiting is always for an event, with a timeout.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { createApplication, type Application, type Components } from '../../server/app.ts';
import { createMemoryLogger } from '../../server/log.ts';
import { embeddedCodes } from './embedded.ts';
import type { ClientToServerEvents, CommandAck, CreateGroupResponse, RoomState, ServerToClientEvents } from '../../src/lib/protocol/protocol.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
	url: string;
	app: Application;
	http: HttpServer;
	log: ReturnType<typeof createMemoryLogger>;
	close(): Promise<void>;
}

/** `codes`: embedded ones on a data directory of their own unless given. */
export async function startServer(components: Omit<Components, 'log' | 'codes'> & Partial<Pick<Components, 'codes'>>): Promise<TestServer> {
	const log = createMemoryLogger();
	const http = createServer();
	const codes = components.codes ?? (await embeddedCodes({ now: components.now }));
	const app = createApplication(http, { ...components, codes, log });
	http.on('request', app.api);
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, app, http, log, close: () => app.close() };
}

export interface GroupKeys {
	groupId: string;
	remote: string;
	desk: string;
	display: string;
}

export async function createGroup(url: string, name = 'Monday group'): Promise<GroupKeys> {
	const res = await fetch(`${url}/api/groups`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name })
	});
	if (res.status !== 201) throw new Error(`POST /api/groups answered ${res.status}`);
	const body = (await res.json()) as CreateGroupResponse;
	const key = (link: string) => decodeURIComponent(new URL(link).hash.replace(/^#key=/, ''));
	return { groupId: body.groupId, remote: key(body.links.remote), desk: key(body.links.desk), display: key(body.links.display) };
}

const WAIT_MS = 5000;

function withTimeout<T>(what: string, executor: (resolve: (v: T) => void, reject: (e: Error) => void) => () => void): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let settled = false;
		let cleanup = () => {};
		const finish = (fn: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			queueMicrotask(() => cleanup()); // the executor may settle before it has returned its cleanup
			fn();
		};
		const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}`))), WAIT_MS);
		cleanup = executor(
			(v) => finish(() => resolve(v)),
			(e) => finish(() => reject(e))
		);
		if (settled) cleanup();
	});
}

/** A connected client that has received its first snapshot, and keeps every later one. */
export interface Client {
	socket: ClientSocket;
	snapshots: RoomState[];
	latest(): RoomState;
	/** Resolves with the first snapshot (already received or future) that matches. */
	waitFor(predicate: (s: RoomState) => boolean, what?: string): Promise<RoomState>;
	send(command: Record<string, unknown>): Promise<CommandAck>;
	close(): void;
}

export async function connectClient(url: string, auth: unknown): Promise<Client> {
	const socket: ClientSocket = connect(url, { auth: auth as object, transports: ['websocket'], reconnection: false, forceNew: true });
	const snapshots: RoomState[] = [];
	const listeners = new Set<() => void>();
	socket.on('state', (s) => {
		snapshots.push(s);
		for (const l of listeners) l();
	});
	const client: Client = {
		socket,
		snapshots,
		latest: () => snapshots[snapshots.length - 1],
		waitFor: (predicate, what = 'a matching state') =>
			withTimeout(what, (resolve) => {
				const check = () => {
					const found = snapshots.find(predicate);
					if (found) resolve(found);
				};
				listeners.add(check);
				check();
				return () => listeners.delete(check);
			}),
		send: (command) => socket.timeout(WAIT_MS).emitWithAck('command', command as never),
		close: () => void socket.close()
	};
	await withTimeout<void>('the first snapshot', (resolve, reject) => {
		const onState = () => resolve();
		const onError = (e: Error) => reject(e);
		socket.once('state', onState);
		socket.once('connect_error', onError);
		return () => {
			socket.off('state', onState);
			socket.off('connect_error', onError);
		};
	});
	return client;
}

/** Connects expecting a refusal; resolves with the connect_error. */
export function connectRefused(url: string, auth: unknown, extra: Record<string, unknown> = {}): Promise<Error & { data?: unknown }> {
	const socket: ClientSocket = connect(url, { auth: auth as object, transports: ['websocket'], reconnection: false, forceNew: true, ...extra });
	return withTimeout('a refusal', (resolve, reject) => {
		socket.once('connect_error', (e) => resolve(e));
		socket.once('connect', () => reject(new Error('connected, but should have been refused')));
		return () => socket.close();
	});
}

/** Resolves when the socket is disconnected (by the server or otherwise). */
export function disconnected(socket: ClientSocket): Promise<string> {
	return withTimeout('a disconnect', (resolve) => {
		if (socket.disconnected) resolve('already');
		socket.once('disconnect', (reason) => resolve(reason));
		return () => {};
	});
}
