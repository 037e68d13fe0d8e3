/**
 * What the server does with a valid command, as pure functions over the stored room: check that the
 * sending device is still in the group and may send it [R2][R42], answer a repeated command id with
 * its whole first ack [R18], otherwise apply the room's rules. Everything a command changes in the
 * room, its ack included, is written in this one transaction.
 */
import { applyCommand, canSend, createRoomState, type CommandContext } from '../src/lib/room/room.ts';
import { admitDevice } from '../src/lib/room/room.devices.ts';
import { ERROR_CODE, ROLE, type Command, type CommandAck, type Device, type ProtocolError, type Role, type RoomState } from '../src/lib/protocol/protocol.ts';
import { hashCredential, newCredential, newDeviceId } from './credentials.ts';
import { DEDUPE_WINDOW, type AckExtra, type Change, type StoredRoom } from './store/room-store.ts';

export { DEDUPE_WINDOW };

export interface CommandOutcome {
	/** The ack as stored: its extra fields (`ackExtra`) not yet turned into what the device reads. */
	ack: CommandAck | StoredAck;
	/** Set when this call changed the room: the snapshot to broadcast. */
	changed: RoomState | null;
	/** The command id was accepted before: `ack` is its first ack, and nothing was applied now. */
	replayed: boolean;
}

/** An accepted command's ack as the group remembers it. */
export type StoredAck = { ok: true; version: number } & AckExtra;

interface Sender {
	deviceId: string;
	role: Role;
}

export interface ServerContext extends CommandContext {
	sender: Sender;
	/** The credential hash of a device that `device.pair` admits. */
	newKeyHash?: string;
	/** What the ack carries besides the version (kept with the command id, for a retry). */
	ackExtra?: AckExtra;
	/** `pairing.deliverKey`: the display device that the code paired into this group, if any. */
	pairedDeviceId?: string | null;
}

const unchanged = (ack: CommandAck | StoredAck, replayed = false): Change<CommandOutcome> => ({ next: null, result: { ack, changed: null, replayed } });
/** A pairing or invite code that did not work; never says whether it was wrong, used or expired. */
export const CODE_REFUSED: ProtocolError = {
	code: ERROR_CODE.codeRefused,
	message: 'That code did not work. Check it and try again, or ask for a new one.'
};

export function runCommand(room: StoredRoom, command: Command, ctx: ServerContext): Change<CommandOutcome> {
	const sender = room.state.devices.find((d) => d.id === ctx.sender.deviceId);
	if (!sender || sender.role !== ctx.sender.role || !canSend(sender.role, command.type))
		return unchanged({ ok: false, error: { code: ERROR_CODE.forbidden, message: 'This device may not change the group.' } });
	const seen = room.recent.find(([id]) => id === command.id);
	if (seen) return unchanged({ ...seen[2], ok: true, version: seen[1] }, true);
	// [R48] the key goes only to a display this group paired; the server relays it (pairing.ts)
	if (command.type === 'pairing.deliverKey') {
		const paired = ctx.pairedDeviceId && room.state.devices.some((d) => d.id === ctx.pairedDeviceId && d.role === ROLE.display);
		return unchanged(paired ? { ok: true, version: room.state.version } : { ok: false, error: CODE_REFUSED });
	}
	const applied = applyCommand(room.state, command, ctx);
	if (!applied.ok) return unchanged(applied);
	const keys = ctx.newDevice && ctx.newKeyHash ? { ...room.keys, [ctx.newDevice.id]: ctx.newKeyHash } : room.keys;
	const version = applied.state.version;
	const recent = [...room.recent, [command.id, version, ...(ctx.ackExtra ? [ctx.ackExtra] : [])] as StoredRoom['recent'][number]];
	return {
		next: { state: applied.state, keys: keysOf(applied.state, keys), recent: recent.slice(-DEDUPE_WINDOW) },
		result: { ack: { ...ctx.ackExtra, ok: true, version }, changed: applied.state, replayed: false }
	};
}

/** [R42] A revoked device's credential hash goes with it. */
function keysOf(state: RoomState, keys: Record<string, string>): Record<string, string> {
	const ids = new Set(state.devices.map((d) => d.id));
	const all = Object.keys(keys);
	if (all.every((id) => ids.has(id))) return keys;
	return Object.fromEntries(Object.entries(keys).filter(([id]) => ids.has(id)));
}

/** Admits a device that redeemed an invite: a change outside any command, so it bumps the version itself. */
export function admitInvited(room: StoredRoom, device: Device, keyHash: string, inviteId: string): Change<RoomState | null> {
	if (!room.state.invites.some((i) => i.id === inviteId)) return { next: null, result: null };
	const admitted = admitDevice(room.state, device, inviteId);
	if (!admitted.ok) return { next: null, result: null };
	const state = { ...admitted.state, version: room.state.version + 1 };
	return { next: { ...room, state, keys: { ...room.keys, [device.id]: keyHash } }, result: state };
}

export const DEVICE_KIND = { remote: 'remote', desk: 'desk', display: 'display' } as const;
type DeviceKind = (typeof DEVICE_KIND)[keyof typeof DEVICE_KIND];

const ROLE_OF: Record<DeviceKind, Role> = { remote: ROLE.facilitator, desk: ROLE.facilitator, display: ROLE.display };
const LABEL_OF: Record<DeviceKind, string> = {
	remote: "Facilitator's phone",
	desk: "Co-facilitator's laptop",
	display: 'Projector'
};

/** A new group with one credential per device kind. The credentials are returned once, never stored. */
export function newGroup(groupId: string, name: string, now: number) {
	const credentials = {} as Record<DeviceKind, string>;
	const devices: Device[] = [];
	const keys: Record<string, string> = {};
	for (const kind of Object.values(DEVICE_KIND)) {
		const credential = newCredential();
		const id = newDeviceId();
		credentials[kind] = credential;
		devices.push({ id, role: ROLE_OF[kind], label: LABEL_OF[kind], createdAt: now, publicKey: null, wrappedKey: null });
		keys[id] = hashCredential(credential);
	}
	const room: StoredRoom = { state: { ...createRoomState(groupId, name), devices }, keys, recent: [] };
	return { room, credentials };
}
