/**
 * Socket.IO: refuse foreign origins and floods, authenticate each socket by its device credential,
 * send a full snapshot on every connect, and run commands:
 * validate → rate-limit → store.update(runCommand: authorise, dedupe, apply) → ack → broadcast.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
	ERROR_CODE,
	LIMITS,
	ROLE,
	parseCommand,
	type ClientToServerEvents,
	type Command,
	type CommandAck,
	type ProtocolError,
	type RecordsReply,
	type Role,
	type RoomState,
	type ServerToClientEvents,
	type SocketData
} from '../src/lib/protocol/protocol.ts';
import { isPlainObject } from '../src/lib/protocol/schema.ts';
import { viewFor } from '../src/lib/room/room.view.ts';
import type { Deps } from './app.ts';
import { hashCredential, sameHash } from './credentials.ts';
import { allowed } from './limits.ts';
import { originAllowed } from './origins.ts';
import { CODE_REFUSED, deliverPairingKey, grantPairing, issueInvite, markPaired } from './pairing.ts';
import { listRecords } from './records.ts';
import { runCommand, type ServerContext } from './rooms.ts';
import { StoreUnavailableError } from './store/room-store.ts';

export type RoomcastServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RoomcastSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Each group has one Socket.IO room per role, because each role is sent its own view [R40]. */
export const roomOf = (groupId: string, role: Role) => `g:${groupId}:${role}`;

const refusal = (error: ProtocolError): CommandAck => ({ ok: false, error });
const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');

export function attachRealtime(httpServer: HttpServer, deps: Deps, destroyUpgrade: boolean) {
	const { store, log, limiters, now } = deps;
	const io: RoomcastServer = new Server(httpServer, {
		serveClient: false,
		// WebSocket only: any node can serve any socket, so several nodes need no sticky sessions.
		transports: ['websocket'],
		maxHttpBufferSize: LIMITS.SOCKET_MESSAGE_MAX_BYTES,
		destroyUpgrade,
		// [R46] against cross-site WebSocket hijacking
		allowRequest: (req, callback) => callback(null, originAllowed(req, deps.allowedOrigins))
	});

	io.use(async (socket, next) => {
		const refused = (error: ProtocolError) => next(Object.assign(new Error(error.message), { data: error }));
		if (!(await allowed(limiters.connect, deps.addressOf(socket.request))))
			return refused({ code: ERROR_CODE.rateLimited, message: 'Too many connections from this address. Retrying shortly.' });
		// [R25] a missing, malformed or wrong credential and an unknown group get the same answer
		const unauthorized = () =>
			refused({ code: ERROR_CODE.forbidden, message: 'This device is not (or no longer) part of a group: open a new link or pair it again.' });
		const auth: unknown = socket.handshake.auth;
		if (!isPlainObject(auth) || typeof auth.groupId !== 'string' || typeof auth.key !== 'string') return unauthorized();
		if (auth.groupId.length > 64 || auth.key.length > 256) return unauthorized();
		try {
			const room = await store.load(auth.groupId);
			const keyHash = hashCredential(auth.key);
			const deviceId = room && Object.keys(room.keys).find((id) => sameHash(room.keys[id], keyHash));
			const device = deviceId ? room.state.devices.find((d) => d.id === deviceId) : undefined;
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

	let inFlight = 0;
	let draining = false;

	io.on('connection', (socket) => {
		const { groupId, role, deviceId } = socket.data;
		log.info('socket.connected', { groupId, deviceId, role });
		void socket.join(roomOf(groupId, role));
		socket.emit('device', { deviceId }); // so a page can mark "this device" in the device list
		void sendSnapshot(socket);
		socket.on('command', (payload: unknown, ack: unknown) => {
			const reply = typeof ack === 'function' ? (ack as (a: CommandAck) => void) : () => {};
			if (draining)
				return reply(refusal({ code: ERROR_CODE.unavailable, message: 'The server is restarting. It will be sent again.' }));
			inFlight += 1;
			handleCommand(socket, payload)
				.then(reply, (error) => {
					log.error('command.failed', { groupId, reason: errorName(error) });
					reply(refusal({ code: ERROR_CODE.internal, message: 'Something went wrong on the server. Try again.' }));
				})
				.finally(() => (inFlight -= 1));
		});
		socket.on('records', (query: unknown, ack: unknown) => {
			if (typeof ack !== 'function') return;
			const reply = ack as (reply: RecordsReply) => void;
			if (!isPlainObject(query) || Object.keys(query).length > 0)
				return reply({ ok: false, error: { code: ERROR_CODE.invalidPayload, message: 'The records request takes an empty object: {}.' } });
			listRecords(deps, socket.data).then(reply, (error) => {
				log.error('records.failed', { groupId, reason: errorName(error) });
				reply({ ok: false, error: { code: ERROR_CODE.internal, message: 'Something went wrong on the server. Try again.' } });
			});
		});
		socket.on('disconnect', () => log.info('socket.disconnected', { groupId, deviceId }));
	});

	// [R21] every (re)connect begins with a full snapshot; joined first, so nothing newer is missed
	async function sendSnapshot(socket: RoomcastSocket) {
		try {
			const room = await store.load(socket.data.groupId);
			const stillIn = room?.state.devices.some((d) => d.id === socket.data.deviceId);
			if (room && stillIn) socket.emit('state', viewFor(socket.data.role, room.state));
			else socket.disconnect(true);
		} catch (error) {
			log.warn('snapshot.failed', { groupId: socket.data.groupId, reason: errorName(error) });
			socket.disconnect(true); // the client reconnects and tries again
		}
	}

	async function handleCommand(socket: RoomcastSocket, payload: unknown): Promise<CommandAck> {
		const { groupId, role, deviceId } = socket.data;
		const parsed = parseCommand(payload); // [R20]
		if (!parsed.ok) return parsed;
		const { command } = parsed;
		if (role !== ROLE.facilitator) {
			log.warn('command.refused', { groupId, type: command.type, code: ERROR_CODE.forbidden });
			return refusal({ code: ERROR_CODE.forbidden, message: 'This screen can only show the group, not change it.' });
		}
		if (!(await allowed(limiters.command, deviceId))) {
			log.warn('command.refused', { groupId, type: command.type, code: ERROR_CODE.rateLimited });
			return refusal({ code: ERROR_CODE.rateLimited, message: 'Too many changes at once from this device. It will be sent again shortly.' });
		}
		try {
			return await execute(socket, command);
		} catch (error) {
			if (!(error instanceof StoreUnavailableError)) throw error;
			log.warn('command.unavailable', { groupId, type: command.type });
			return refusal({ code: ERROR_CODE.unavailable, message: 'Saving is paused: the server cannot reach its store. It will be sent again.' });
		}
	}

	async function execute(socket: RoomcastSocket, command: Command): Promise<CommandAck> {
		const { groupId, role, deviceId } = socket.data;
		const ctx: ServerContext = { now: now(), sender: { deviceId, role }, recordsRetentionMs: deps.recordsRetentionDays * 24 * 3600 * 1000 };
		let afterwards: (() => Promise<unknown>) | undefined;
		let invite;
		let paired;
		if (command.type === 'pairing.deliverKey') {
			const delivered = await deliverPairingKey(deps, groupId, command.code, command.wrappedKey);
			const room = delivered ? await store.load(groupId) : null;
			return room ? { ok: true, version: room.state.version } : refusal(CODE_REFUSED);
		}
		if (command.type === 'device.pair') {
			const grant = await grantPairing(deps, command.code, command.label, deps.addressOf(socket.request));
			if (grant.ok) {
				Object.assign(ctx, { newDevice: grant.device, newKeyHash: String(grant.data.tokenHash) });
				afterwards = () => markPaired(deps, grant.codeId, grant.data, groupId);
				paired = { publicKey: grant.publicKey };
			} else if (grant.error.code === ERROR_CODE.rateLimited) return refusal(grant.error);
		} else if (command.type === 'invite.create') {
			const issued = await issueInvite(deps, groupId, command.label);
			ctx.newInvite = issued.pending;
			invite = issued.invite;
		}
		const outcome = await store.update(groupId, (room) => runCommand(room, command, ctx));
		if (!outcome.found) return refusal({ code: ERROR_CODE.noGroup, message: 'This group no longer exists.' });
		const { ack, changed } = outcome.result;
		if (!changed) return ack;
		await afterwards?.();
		broadcast(changed);
		if (command.type === 'device.revoke') void disconnectDevice(groupId, command.deviceId);
		if (!ack.ok) return ack;
		return { ...ack, ...(invite ? { invite } : {}), ...(paired ? { paired } : {}) };
	}

	/**
	 * [R42] The revoked device's page is told, then every socket of it is closed, on every node.
	 * Found through its group's rooms (a revocation is rare): a room per device would cost every
	 * connection a Redis subscription of its own.
	 */
	async function disconnectDevice(groupId: string, deviceId: string) {
		try {
			for (const role of Object.values(ROLE))
				for (const socket of await io.in(roomOf(groupId, role)).fetchSockets())
					if (socket.data.deviceId === deviceId) {
						socket.emit('revoked');
						socket.disconnect(true);
					}
		} catch (error) {
			// a node did not answer in time (it is failing): its sockets of the device stay until they
			// reconnect, which they are then refused; a facilitator device is refused at its next command
			log.warn('revoke.incomplete', { groupId, reason: errorName(error) });
		}
	}

	// The projector first: it is what the room is watching (the phone has already shown the tap).
	const BROADCAST_ORDER = [ROLE.display, ROLE.facilitator] as const;
	function broadcast(changed: RoomState) {
		for (const role of BROADCAST_ORDER) io.to(roomOf(changed.groupId, role)).emit('state', viewFor(role, changed));
	}

	/**
	 * [R51] SIGTERM: refuse new commands (retryable: the devices keep them), let the ones in flight
	 * finish and be answered, then close every socket, so devices reconnect (to another node, or to
	 * this one restarted) and get a fresh snapshot.
	 */
	async function drain(graceMs: number) {
		draining = true;
		const deadline = Date.now() + graceMs;
		while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
		log.info('server.drained', { count: inFlight });
		await new Promise<void>((resolve) => void io.close(() => resolve()));
	}

	return { io, broadcast, drain };
}
