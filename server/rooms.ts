/**
 * What the server does with a valid command, as pure functions over the stored room: check that the
 * sending device is still in the group and may send it [R2][R42], answer a repeated command id with
 * its first result [R18], otherwise apply the room's rules.
 */
import { applyCommand, canSend, createRoomState, type CommandContext } from '../src/lib/room/room.ts';
import { admitDevice } from '../src/lib/room/room.devices.ts';
import { ERROR_CODE, ROLE, type Command, type CommandAck, type Device, type Role, type RoomState } from '../src/lib/protocol/protocol.ts';
import { hashCredential, newCredential, newDeviceId } from './credentials.ts';
import { DEDUPE_WINDOW, type Change, type StoredRoom } from './store/room-store.ts';

export { DEDUPE_WINDOW };

export interface CommandOutcome {
	ack: CommandAck;
	/** Set when this call changed the room: the snapshot to broadcast. */
	changed: RoomState | null;
}

export interface Sender {
	deviceId: string;
	role: Role;
}

export interface ServerContext extends CommandContext {
	sender: Sender;
	/** The credential hash of a device that `device.pair` admits. */
	newKeyHash?: string;
}

const unchanged = (ack: CommandAck): Change<CommandOutcome> => ({ next: null, result: { ack, changed: null } });

export function runCommand(room: StoredRoom, command: Command, ctx: ServerContext): Change<CommandOutcome> {
	const sender = room.state.devices.find((d) => d.id === ctx.sender.deviceId);
	if (!sender || sender.role !== ctx.sender.role || !canSend(sender.role, command.type))
		return unchanged({ ok: false, error: { code: ERROR_CODE.forbidden, message: 'This device may not change the group.' } });
	const seen = room.recent.find(([id]) => id === command.id);
	if (seen) return unchanged({ ok: true, version: seen[1] });
	const applied = applyCommand(room.state, command, ctx);
	if (!applied.ok) return unchanged(applied);
	const keys = ctx.newDevice && ctx.newKeyHash ? { ...room.keys, [ctx.newDevice.id]: ctx.newKeyHash } : room.keys;
	const recent = [...room.recent, [command.id, applied.state.version] as [string, number]].slice(-DEDUPE_WINDOW);
	return {
		next: { state: applied.state, keys: keysOf(applied.state, keys), recent },
		result: { ack: { ok: true, version: applied.state.version }, changed: applied.state }
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
export type DeviceKind = (typeof DEVICE_KIND)[keyof typeof DEVICE_KIND];

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
