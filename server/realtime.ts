/**
 * Socket.IO: authenticate each socket by its device credential, send a full snapshot on every
 * connect, and run commands: validate → authorise → store.update(runCommand) → ack → broadcast.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
	ERROR_CODE,
	LIMITS,
	ROLE,
	type Role,
	type RoomState,
	parseCommand,
	type ClientToServerEvents,
	type CommandAck,
	type ProtocolError,
	type ServerToClientEvents,
	type SocketData
} from '../src/lib/protocol/protocol.ts';
import { isPlainObject } from '../src/lib/protocol/schema.ts';
import { canSend } from '../src/lib/room/room.ts';
import { viewFor } from '../src/lib/room/room.view.ts';
import { hashCredential, sameHash } from './credentials.ts';
import type { Logger } from './log.ts';
import { runCommand } from './rooms.ts';
import { StoreUnavailableError, type RoomStore } from './store/room-store.ts';

export type RoomcastServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RoomcastSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeOptions {
	store: RoomStore;
	log: Logger;
	now?: () => number;
	/** Vite's dev server shares its http server with HMR: leave upgrades we don't own alone. */
	destroyUpgrade?: boolean;
}

/** Each group has one Socket.IO room per role, because each role is sent its own view [R40]. */
export const roomOf = (groupId: string, role: Role) => `g:${groupId}:${role}`;

export function attachRealtime(httpServer: HttpServer, { store, log, now = Date.now, destroyUpgrade = true }: RealtimeOptions): RoomcastServer {
	const io: RoomcastServer = new Server(httpServer, {
		serveClient: false,
		// WebSocket only: any node can serve any socket, so several nodes need no sticky sessions.
		transports: ['websocket'],
		maxHttpBufferSize: LIMITS.SOCKET_MESSAGE_MAX_BYTES,
		destroyUpgrade
	});

	io.use(async (socket, next) => {
		const auth: unknown = socket.handshake.auth;
		const refused = (error: ProtocolError) => next(Object.assign(new Error(error.message), { data: error }));
		// [R25] a missing, malformed or wrong credential and an unknown group get the same answer
		const unauthorized = () =>
			refused({ code: ERROR_CODE.forbidden, message: 'This link is not valid: ask a facilitator for a new one.' });
		if (!isPlainObject(auth) || typeof auth.groupId !== 'string' || typeof auth.key !== 'string') return unauthorized();
		if (auth.groupId.length > 64 || auth.key.length > 256) return unauthorized();
		try {
			const room = await store.load(auth.groupId);
			const keyHash = hashCredential(auth.key);
			const device = room?.devices.find((d) => sameHash(d.keyHash, keyHash));
			if (!device) {
				log.info('socket.refused', { code: ERROR_CODE.forbidden });
				return unauthorized();
			}
			socket.data = { groupId: auth.groupId, deviceId: device.id, role: device.role };
			next();
		} catch (error) {
			log.warn('socket.refused', { code: ERROR_CODE.unavailable, reason: errorName(error) });
			refused({ code: ERROR_CODE.unavailable, message: 'The server cannot reach its store right now. Retrying.' });
		}
	});

	io.on('connection', (socket) => {
		const { groupId, role, deviceId } = socket.data;
		log.info('socket.connected', { groupId, deviceId, role });
		void socket.join(roomOf(groupId, role));
		void sendSnapshot(socket);
		socket.on('command', (payload: unknown, ack: unknown) => {
			const reply = typeof ack === 'function' ? (ack as (a: CommandAck) => void) : () => {};
			handleCommand(socket, payload).then(reply, (error) => {
				log.error('command.failed', { groupId, reason: errorName(error) });
				reply({ ok: false, error: { code: ERROR_CODE.internal, message: 'Something went wrong on the server. Try again.' } });
			});
		});
		socket.on('disconnect', () => log.info('socket.disconnected', { groupId, deviceId }));
	});

	// [R21] every (re)connect begins with a full snapshot; joined first, so nothing newer is missed
	async function sendSnapshot(socket: RoomcastSocket) {
		try {
			const room = await store.load(socket.data.groupId);
			if (room) socket.emit('state', viewFor(socket.data.role, room.state));
			else socket.disconnect(true);
		} catch (error) {
			log.warn('snapshot.failed', { groupId: socket.data.groupId, reason: errorName(error) });
			socket.disconnect(true); // the client reconnects and tries again
		}
	}

	async function handleCommand(socket: RoomcastSocket, payload: unknown): Promise<CommandAck> {
		const { groupId, role } = socket.data;
		const parsed = parseCommand(payload); // [R20]
		if (!parsed.ok) return parsed;
		const { command } = parsed;
		if (!canSend(role, command.type)) {
			log.warn('command.refused', { groupId, type: command.type, code: ERROR_CODE.forbidden });
			return { ok: false, error: { code: ERROR_CODE.forbidden, message: 'This screen can only show the group, not change it.' } };
		}
		try {
			const outcome = await store.update(groupId, (room) => runCommand(room, command, { now: now() }));
			if (!outcome.found)
				return { ok: false, error: { code: ERROR_CODE.noGroup, message: 'This group no longer exists.' } };
			const { ack, changed } = outcome.result;
			if (changed) broadcast(changed);
			return ack;
		} catch (error) {
			if (!(error instanceof StoreUnavailableError)) throw error;
			log.warn('command.unavailable', { groupId, type: command.type });
			return { ok: false, error: { code: ERROR_CODE.unavailable, message: 'Saving is paused: the server cannot reach its store. It will be sent again.' } };
		}
	}

	function broadcast(changed: RoomState) {
		for (const role of Object.values(ROLE)) io.to(roomOf(changed.groupId, role)).emit('state', viewFor(role, changed));
	}

	return io;
}

function errorName(error: unknown): string {
	return error instanceof Error ? error.name : 'unknown';
}
