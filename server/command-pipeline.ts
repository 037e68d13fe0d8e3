/**
 * Step 3 of a socket's life: run a command. In order:
 *   authorise  a display sends nothing [R2] (judged again on the stored device in the transaction)
 *   guard      the device's rate limit [R45]; a socket refused too often, whatever its role, is cut off [R69]
 *   parse      the payload against the command table [R20]
 *   prepare    what a special command needs from the code store (special-commands.ts)
 *   transact   store.update(runCommand): sender as stored now [R42], dedupe [R18], the room's rules
 *   publish    broadcast the new state [R40] (again for a retry), close a revoked device's sockets [R42]
 *   answer     the ack, its sealed parts opened for this device
 * Every command is answered once, with an ack; none reaches Socket.IO as an exception.
 */
import { retentionMs } from '../src/lib/room/room.records.ts';
import { ERROR_CODE, ROLE, parseCommand, type CommandAck, type InviteCode, type ProtocolError, type RoomState } from '../src/lib/protocol/protocol.ts';
import { openForDevice } from './ack-seal.ts';
import type { Deps } from './app.ts';
import { GUARD, type CommandGuard } from './command-guard.ts';
import { ackKeys } from './handshake.ts';
import { RefusalLog } from './log.ts';
import { runCommand, type StoredAck } from './rooms.ts';
import type { RoomcastSocket } from './socket-server.ts';
import { prepareCommand } from './special-commands.ts';
import { StoreUnavailableError } from './store/room-store.ts';

export interface Publisher {
	broadcast(changed: RoomState): void;
	disconnectDevice(groupId: string, deviceId: string): void;
}

const refusal = (error: ProtocolError): CommandAck => ({ ok: false, error });
const RATE_LIMITED: ProtocolError = { code: ERROR_CODE.rateLimited, message: 'Too many changes at once from this device. It will be sent again shortly.' };
const DISPLAY_ONLY: ProtocolError = { code: ERROR_CODE.forbidden, message: 'This screen can only show the group, not change it.' };
const NO_GROUP: ProtocolError = { code: ERROR_CODE.noGroup, message: 'This group no longer exists.' };
// [R51] the store did not answer: the write may still land later, so the page must send the same id again
const UNAVAILABLE: ProtocolError = {
	code: ERROR_CODE.unavailable,
	message: 'Saving is paused: the server cannot reach its store. This change may not have been saved yet; it will be sent again and applies once.'
};


export function createCommandPipeline(deps: Deps, publisher: Publisher) {
	const { store, log, now } = deps;
	const recordsRetentionMs = retentionMs(deps.recordsRetentionDays);
	const refusals = new RefusalLog(log, 'command.refused');

	/** The answer to one `command` event; never throws. */
	async function run(socket: RoomcastSocket, guard: CommandGuard, payload: unknown): Promise<CommandAck> {
		const { groupId, role } = socket.data;
		const refuse = (error: ProtocolError, type?: string) => {
			refusals.note(error.code, { groupId }, type ? { type } : {});
			return refusal(error);
		};
		// [R2] a display's every command is refused forbidden, and counts towards its cut-off
		if (role !== ROLE.facilitator) return refused(socket, guard, () => refuse(DISPLAY_ONLY));
		const admitted = guard.admit();
		const answer = admitted instanceof Promise ? await admitted : admitted;
		if (answer === GUARD.flooding) return cutOff(socket);
		if (answer === GUARD.limited) return refuse(RATE_LIMITED);
		const parsed = parseCommand(payload);
		if (!parsed.ok) return refused(socket, guard, () => refuse(parsed.error));
		const { command } = parsed;
		try {
			const sender = { groupId, address: () => deps.addressOf(socket.request), ackKey: ackKeys.get(socket)! };
			const prepared = await prepareCommand(deps, command, sender);
			if (prepared.refusal) return refuse(prepared.refusal, command.type);
			const ctx = { now: now(), sender: { deviceId: socket.data.deviceId, role }, recordsRetentionMs, ...prepared.ctx };
			const outcome = await store.update(groupId, (room) => runCommand(room, command, ctx));
			if (!outcome.found) return refuse(NO_GROUP, command.type);
			const late = await prepared.after?.(outcome.result);
			const { ack, changed, replayed } = outcome.result;
			if (changed) publisher.broadcast(changed);
			// a retry of a write that landed after its node gave up on it (a stalled Redis): nobody
			// was sent that state yet [R51]
			if (replayed) publisher.broadcast(outcome.room.state);
			if (changed && command.type === 'device.revoke') publisher.disconnectDevice(groupId, command.deviceId);
			if (late) return refusal(late);
			// a refusal by the room's rules (no_session, not_found, ...) is ordinary: not logged
			return ack.ok ? forDevice(ack, sender.ackKey) : ack;
		} catch (error) {
			if (!(error instanceof StoreUnavailableError)) throw error;
			log.warn('command.unavailable', { groupId, type: command.type });
			return refusal(UNAVAILABLE);
		}
	}

	/** A refusal that counts towards the flood cut-off too. */
	function refused(socket: RoomcastSocket, guard: CommandGuard, answer: () => CommandAck): CommandAck {
		return guard.refused() === GUARD.flooding ? cutOff(socket) : answer();
	}

	/**
	 * [R69] A socket that keeps sending far past its limit is cut off: its TCP connection is destroyed
	 * at once, so the commands it has already pipelined behind are dropped unread by the kernel
	 * (a WebSocket close handshake would go on reading them). A page may connect again.
	 */
	function cutOff(socket: RoomcastSocket): CommandAck {
		if (!socket.request.socket.destroyed) {
			log.warn('socket.flooded', { groupId: socket.data.groupId, deviceId: socket.data.deviceId });
			socket.request.socket.destroy();
		}
		return refusal(RATE_LIMITED);
	}

	return { run, close: () => refusals.close() };
}

/** The ack as the sending device reads it: the invite code opened (only this device's key opens it). */
function forDevice(ack: StoredAck | (CommandAck & { ok: true }), ackKey: Buffer): CommandAck {
	if (typeof ack.invite !== 'string') return ack as CommandAck;
	const { invite, ...rest } = ack;
	const opened = openForDevice(ackKey, invite) as InviteCode | undefined;
	return { ...(rest as { ok: true; version: number }), ...(opened ? { invite: opened } : {}) };
}
