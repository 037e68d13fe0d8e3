/**
 * What the server does with a valid command, as pure functions over the stored room: answer a
 * repeated command id with its first result [R18], otherwise apply the room's rules.
 */
import { applyCommand, createRoomState, type CommandContext } from '../src/lib/room/room.ts';
import { ROLE, type Command, type CommandAck, type Role, type RoomState } from '../src/lib/protocol/protocol.ts';
import { hashCredential, newCredential, newDeviceId } from './credentials.ts';
import type { Change, DeviceRecord, StoredRoom } from './store/room-store.ts';

/** How many accepted command ids a group remembers, for answering retries. */
export const DEDUPE_WINDOW = 100;

export interface CommandOutcome {
	ack: CommandAck;
	/** Set when this call changed the room: the snapshot to broadcast. */
	changed: RoomState | null;
}

export function runCommand(room: StoredRoom, command: Command, ctx: CommandContext): Change<CommandOutcome> {
	const seen = room.recent.find(([id]) => id === command.id);
	if (seen) return { next: null, result: { ack: { ok: true, version: seen[1] }, changed: null } };
	const applied = applyCommand(room.state, command, ctx);
	if (!applied.ok) return { next: null, result: { ack: applied, changed: null } };
	const recent = [...room.recent, [command.id, applied.state.version] as [string, number]].slice(-DEDUPE_WINDOW);
	return {
		next: { ...room, state: applied.state, recent },
		result: { ack: { ok: true, version: applied.state.version }, changed: applied.state }
	};
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
	const devices: DeviceRecord[] = [];
	for (const kind of Object.values(DEVICE_KIND)) {
		const credential = newCredential();
		credentials[kind] = credential;
		devices.push({ id: newDeviceId(), role: ROLE_OF[kind], label: LABEL_OF[kind], keyHash: hashCredential(credential), createdAt: now });
	}
	const room: StoredRoom = { state: createRoomState(groupId, name), devices, recent: [] };
	return { room, credentials };
}
