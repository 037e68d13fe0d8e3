/**
 * Step 1 of a socket's life: authenticate. A Socket.IO middleware that lets a socket in only with a
 * device credential of the group it names [R25], from a page that speaks this server's protocol
 * version, within the per-address connection rate [R45]. The role comes from the stored device,
 * never from the client.
 */
import type { ExtendedError } from 'socket.io';
import { ERROR_CODE, type ProtocolError } from '../src/lib/protocol/protocol.ts';
import { HANDSHAKE_AUTH } from '../src/lib/protocol/requests.ts';
import { check } from '../src/lib/protocol/schema.ts';
import { ackKeyOf } from './ack-seal.ts';
import { errorName, type RefusalLog } from './log.ts';
import type { Deps } from './app.ts';
import { hashCredential, sameHash } from './credentials.ts';
import { allowed } from './limits.ts';
import type { RoomcastSocket } from './socket-server.ts';

/** Per connected socket: the key its acks' secrets are sealed with (ack-seal.ts). Never in `socket.data`, which other nodes can read. */
export const ackKeys = new WeakMap<RoomcastSocket, Buffer>();

const refusal = (error: ProtocolError): ExtendedError => Object.assign(new Error(error.message), { data: error });

const RATE_LIMITED: ProtocolError = { code: ERROR_CODE.rateLimited, message: 'Too many connections from this address. Retrying shortly.' };
const OUTDATED: ProtocolError = { code: ERROR_CODE.outdated, message: 'This page is from another version of Roomcast. Reload it.' };
// [R25] a missing, malformed or wrong credential and an unknown group get the same answer
const UNAUTHORIZED: ProtocolError = {
	code: ERROR_CODE.forbidden,
	message: 'This device is not (or no longer) part of a group: open a new link or pair it again.'
};
const UNAVAILABLE: ProtocolError = { code: ERROR_CODE.unavailable, message: 'The server cannot reach its store right now. Retrying.' };

/** `refusals`: the log of refused connections, as counts [R69]. */
export function authenticate(deps: Deps, refusals: RefusalLog) {
	const { store, limiters } = deps;
	return async (socket: RoomcastSocket, next: (error?: ExtendedError) => void) => {
		if (!(await allowed(limiters.connect, deps.addressOf(socket.request)))) return next(refusal(RATE_LIMITED));
		// [R66] the page says which protocol it speaks (`auth.protocol`); one from before this was
		// negotiated sends none and speaks version 1
		const checked = check(HANDSHAKE_AUTH, socket.handshake.auth, UNAUTHORIZED, (issue) =>
			issue.path?.[0]?.key === 'protocol' ? OUTDATED : UNAUTHORIZED
		);
		if (!checked.ok) {
			if (checked.error === OUTDATED) refusals.note(ERROR_CODE.outdated);
			return next(refusal(checked.error));
		}
		const auth = checked.value;
		try {
			const room = await store.load(auth.groupId);
			const keyHash = hashCredential(auth.key);
			const deviceId = room && Object.keys(room.keys).find((id) => sameHash(room.keys[id], keyHash));
			const device = deviceId ? room.state.devices.find((d) => d.id === deviceId) : undefined;
			if (!device) {
				refusals.note(ERROR_CODE.forbidden);
				return next(refusal(UNAUTHORIZED));
			}
			socket.data = { groupId: auth.groupId, deviceId: device.id, role: device.role };
			ackKeys.set(socket, ackKeyOf(auth.key));
			next();
		} catch (error) {
			refusals.note(ERROR_CODE.unavailable, {}, { reason: errorName(error) });
			next(refusal(UNAVAILABLE));
		}
	};
}
