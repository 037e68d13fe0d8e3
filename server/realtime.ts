/**
 * Socket.IO for Roomcast, as the four steps of a socket's life:
 *   1. authenticate (handshake.ts): credential, protocol version, connection rate [R25][R45][R66]
 *   2. join (here): the socket's role room, then a full snapshot [R21][R40]
 *   3. run a command (command-pipeline.ts): guard, authorise, parse, transact, publish, answer
 *   4. drain (here): on shutdown, refuse new commands, answer those in flight, close [R51]
 * What is refused before any of that (origins, sockets per address, slow handshakes) is in
 * socket-server.ts.
 */
import type { Server as HttpServer } from 'node:http';
import { ERROR_CODE, ROLE, type CommandAck, type RecordsReply, type Role, type RoomState } from '../src/lib/protocol/protocol.ts';
import { viewFor } from '../src/lib/room/room.view.ts';
import { errorName, RefusalLog } from './log.ts';
import type { Deps } from './app.ts';
import { CommandGuard } from './command-guard.ts';
import { createCommandPipeline } from './command-pipeline.ts';
import { ackKeys, authenticate } from './handshake.ts';
import { InFlight } from './in-flight.ts';
import { answerRecords } from './records.ts';
import { createSocketServer, type RoomcastServer, type RoomcastSocket } from './socket-server.ts';

export type { RoomcastServer } from './socket-server.ts';

/** Each group has one Socket.IO room per role, because each role is sent its own view [R40]. */
const roomOf = (groupId: string, role: Role) => `g:${groupId}:${role}`;

const RESTARTING: CommandAck = { ok: false, error: { code: ERROR_CODE.unavailable, message: 'The server is restarting. It will be sent again.' } };
const RECORDS_FAILED: RecordsReply = { ok: false, error: { code: ERROR_CODE.internal, message: 'Something went wrong on the server. Try again.' } };
const INTERNAL: CommandAck = { ok: false, error: { code: ERROR_CODE.internal, message: 'Something went wrong on the server. This change was not saved.' } };

export function attachRealtime(httpServer: HttpServer, deps: Deps, destroyUpgrade: boolean) {
	const { store, log } = deps;
	// refused connections, logged as counts [R69]: a flood of them cannot flood the log
	const socketRefusals = new RefusalLog(log, 'socket.refused');
	const io: RoomcastServer = createSocketServer(httpServer, deps, destroyUpgrade, socketRefusals);
	const pipeline = createCommandPipeline(deps, { broadcast, disconnectDevice });
	const inFlight = new InFlight();
	let draining = false;

	io.use(authenticate(deps, socketRefusals));
	io.on('connection', (socket) => {
		const { groupId, role, deviceId } = socket.data;
		log.info('socket.connected', { groupId, deviceId, role });
		socket.emit('device', { deviceId }); // so a page can mark "this device" in the device list
		void join(socket);
		const guard = new CommandGuard(deps.limiters.command, deviceId, deps.limits);
		// (payload, ack): an ack sent without a payload arrives as the only argument
		socket.on('command', (...args: unknown[]) => {
			// cut off for flooding (R69): what it pipelined behind is dropped, unanswered
			if (socket.request.socket.destroyed) return;
			const ack = typeof args.at(-1) === 'function' ? (args.pop() as (answer: CommandAck) => void) : () => {};
			if (draining) return ack(RESTARTING);
			inFlight
				.track(guard.track(() => pipeline.run(socket, guard, args[0])))
				.catch((error) => {
					log.error('command.failed', { groupId, reason: errorName(error) });
					return INTERNAL;
				})
				.then(ack);
		});
		// [R53] the records for funders, asked for (no snapshot carries them)
		socket.on('records', (...args: unknown[]) => {
			const ack = args.at(-1);
			if (typeof ack !== 'function') return;
			answerRecords(deps, socket.data, args.length > 1 ? args[0] : undefined).then(ack as (reply: RecordsReply) => void, (error) => {
				log.error('records.failed', { groupId, reason: errorName(error) });
				(ack as (reply: RecordsReply) => void)(RECORDS_FAILED);
			});
		});
		socket.on('disconnect', () => {
			ackKeys.delete(socket);
			log.info('socket.disconnected', { groupId, deviceId });
		});
	});

	/**
	 * Step 2. [R21] Every (re)connect begins with a full snapshot; the socket joins its room first, so
	 * no change made meanwhile is missed.
	 */
	async function join(socket: RoomcastSocket) {
		void socket.join(roomOf(socket.data.groupId, socket.data.role));
		try {
			const room = await store.load(socket.data.groupId);
			const stillIn = room?.state.devices.some((d) => d.id === socket.data.deviceId);
			if (room && stillIn) socket.emit('state', viewFor(socket.data.role, room.state));
			else socket.disconnect(true); // removed meanwhile: it is refused when it tries again
		} catch (error) {
			log.warn('snapshot.failed', { groupId: socket.data.groupId, reason: errorName(error) });
			// close the transport only: the page reconnects by itself and gets its snapshot then
			// (a Socket.IO disconnect would be final for it)
			socket.conn.close();
		}
	}

	// The projector first: it is what the room is watching (the phone has already shown the tap).
	const BROADCAST_ORDER = [ROLE.display, ROLE.facilitator] as const;
	function broadcast(changed: RoomState) {
		for (const role of BROADCAST_ORDER) io.to(roomOf(changed.groupId, role)).emit('state', viewFor(role, changed));
	}

	/**
	 * [R42] The revoked device's page is told, then every socket of it is closed, on every node.
	 * Found through its group's rooms (a revocation is rare): a room per device would cost every
	 * connection a Redis subscription of its own.
	 */
	function disconnectDevice(groupId: string, deviceId: string) {
		void (async () => {
			for (const role of Object.values(ROLE))
				for (const socket of await io.in(roomOf(groupId, role)).fetchSockets())
					if (socket.data.deviceId === deviceId) {
						socket.emit('revoked');
						socket.disconnect(true);
					}
		})().catch((error) => {
			// a node did not answer in time (it is failing): its sockets of the device stay until they
			// reconnect, which they are then refused; a facilitator device is refused at its next command
			log.warn('revoke.incomplete', { groupId, reason: errorName(error) });
		});
	}

	/**
	 * [R80] After a failover of the store, or Redis back after an outage (the server survived it),
	 * every device on this node gets the store's state, one read per group, marked so that it is shown
	 * even if older than what the device holds (acknowledged writes lost with an old primary, or the
	 * last second of a Redis restarted with `appendfsync everysec`). Devices keep what they show until
	 * then (no fail-closed).
	 */
	async function resync() {
		const byGroup = new Map<string, RoomcastSocket[]>();
		for (const socket of io.of('/').sockets.values()) {
			const sockets = byGroup.get(socket.data.groupId);
			if (sockets) sockets.push(socket);
			else byGroup.set(socket.data.groupId, [socket]);
		}
		for (const [groupId, sockets] of byGroup) {
			try {
				const room = await store.load(groupId);
				if (!room) continue;
				for (const socket of sockets)
					if (room.state.devices.some((d) => d.id === socket.data.deviceId)) {
						// emitted right after the read, before this node's next change of the group is
						// broadcast (the store reads and writes a group one at a time): never an older state
						socket.emit('resync');
						socket.emit('state', viewFor(socket.data.role, room.state));
					}
			} catch (error) {
				log.warn('resync.failed', { groupId, reason: errorName(error) }); // the next change reaches them anyway
			}
		}
		log.info('server.resynced', { count: byGroup.size });
	}

	/**
	 * Step 4. [R51] SIGTERM: refuse new commands (retryable: the devices keep them), wait until the
	 * ones in flight are answered (at most `graceMs`), then close every socket, so devices reconnect
	 * (to another node, or to this one restarted) and get a fresh snapshot.
	 */
	async function drain(graceMs: number) {
		draining = true;
		const left = await inFlight.idle(graceMs);
		log.info('server.drained', { count: left });
		await close();
	}

	async function close() {
		pipeline.close();
		socketRefusals.close();
		await new Promise<void>((resolve) => void io.close(() => resolve()));
	}

	return { io, broadcast, drain, close, resync };
}
