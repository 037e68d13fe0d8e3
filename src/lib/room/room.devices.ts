/** Rules for the group's devices and facilitator invites. The server makes credentials; this only
 * keeps the list that facilitators see. */
import { ERROR_CODE, LIMITS, ROLE, type CommandOf, type Device, type PendingInvite, type RoomState } from '../protocol/protocol.ts';
import { assertNever, refuse, type ApplyResult, type Step } from './room.result.ts';

export type DeviceCommand = CommandOf<
	'device.rename' | 'device.revoke' | 'device.pair' | 'invite.create' | 'invite.cancel' | 'device.deliverKey' | 'pairing.deliverKey'
>;

/** What the server made for `device.pair` / `invite.create` after checking the code or making it. */
export interface DeviceGrant {
	newDevice?: Device;
	newInvite?: PendingInvite;
}

export function applyDeviceCommand(state: RoomState, c: DeviceCommand, step: Step, grant: DeviceGrant): ApplyResult {
	const put = (next: Partial<RoomState>): ApplyResult => ({ ok: true, state: { ...state, ...next } });
	switch (c.type) {
		case 'device.rename': {
			if (!state.devices.some((d) => d.id === c.deviceId)) return gone();
			return put({ devices: state.devices.map((d) => (d.id === c.deviceId ? { ...d, label: c.label } : d)) });
		}
		case 'device.revoke': {
			const device = state.devices.find((d) => d.id === c.deviceId);
			if (!device) return gone();
			const facilitators = state.devices.filter((d) => d.role === ROLE.facilitator);
			if (device.role === ROLE.facilitator && facilitators.length === 1)
				return refuse(ERROR_CODE.lastFacilitator, 'This is the last facilitator device: the group would have nobody to run it.');
			return put({ devices: state.devices.filter((d) => d.id !== c.deviceId) }); // [R42]
		}
		case 'device.pair': // [R43] the server checked the code and made the device
			if (!grant.newDevice) return refuse(ERROR_CODE.codeRefused, 'That code did not work. Check the code on the screen and try again.');
			return admitDevice(state, grant.newDevice, null);
		case 'invite.create': {
			// [R44] [R65] a facilitator cannot grow the group's snapshot without bound
			if (!grant.newInvite) return refuse(ERROR_CODE.internal, 'The invite could not be made. Try again.');
			const waiting = pruneInvites(state.invites, step.now);
			if (waiting.length >= LIMITS.INVITES_PENDING_MAX)
				return refuse(ERROR_CODE.full, `A group has at most ${LIMITS.INVITES_PENDING_MAX} invites waiting. Cancel one first.`);
			return put({ invites: [...waiting, grant.newInvite] });
		}
		case 'invite.cancel':
			if (!state.invites.some((i) => i.id === c.inviteId)) return refuse(ERROR_CODE.notFound, 'That invite is no longer waiting.');
			return put({ invites: state.invites.filter((i) => i.id !== c.inviteId) });
		case 'device.deliverKey': {
			// [R48] once, for a facilitator device that asked for it with its public key
			const device = state.devices.find((d) => d.id === c.deviceId);
			if (!device || !device.publicKey || device.wrappedKey) return refuse(ERROR_CODE.notFound, 'That device is not waiting for the key.');
			return put({ devices: state.devices.map((d) => (d.id === c.deviceId ? { ...d, wrappedKey: c.wrappedKey } : d)) });
		}
		case 'pairing.deliverKey': // answered by the server's pairing records, never by the room
			return refuse(ERROR_CODE.invalidPayload, 'pairing.deliverKey is handled by the server, not the room.');
		default:
			return assertNever(c);
	}
}

const gone = () => refuse(ERROR_CODE.notFound, 'That device is no longer in the group.');

/** Adds a device (paired projector or redeemed invite); an invite it came from is used up. */
export function admitDevice(state: RoomState, device: Device, inviteId: string | null): ApplyResult {
	if (state.devices.length >= LIMITS.DEVICES_MAX)
		return refuse(ERROR_CODE.full, `A group has at most ${LIMITS.DEVICES_MAX} devices. Remove one first.`);
	const invites = inviteId ? state.invites.filter((i) => i.id !== inviteId) : state.invites;
	return { ok: true, state: { ...state, devices: [...state.devices, device], invites } };
}

function pruneInvites(invites: PendingInvite[], now: number): PendingInvite[] {
	const kept = invites.filter((i) => i.expiresAt > now);
	return kept.length === invites.length ? invites : kept;
}
