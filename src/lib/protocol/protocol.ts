/**
 * The one protocol module: imported by the pages and by `server/`. See docs/protocol.md.
 */
import type { InferOutput } from 'valibot';
import type { Command } from './commands.ts';
import type { ProtocolError } from './errors.ts';
import type { CREATE_GROUP_BODY, HANDSHAKE_AUTH } from './requests.ts';
import type { Role, RoomState, SessionRecord } from './state.ts';

export * from './commands.ts';
export { BOARD_COMMANDS } from './commands.board.ts';
export { DEVICE_COMMANDS } from './commands.devices.ts';
export { GROUP_COMMANDS } from './commands.group.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './state.ts';
export * from './version.ts';

export type CommandAck =
	| {
			ok: true;
			version: number;
			/** `invite.create` only: the code, for the inviting device only. */
			invite?: InviteCode;
			/** `device.pair` only: the projector's X25519 public key, to wrap the group key for it. */
			paired?: { publicKey: string | null };
	  }
	| { ok: false; error: ProtocolError };

/** Returned once, in the ack of `invite.create`, to the inviting device only. */
export interface InviteCode {
	code: string;
	expiresAt: number;
}

/** The answer to the `records` request [R53]: past sessions' counts within the retention, oldest first. */
export type RecordsReply = { ok: true; records: SessionRecord[]; retentionDays: number } | { ok: false; error: ProtocolError };

export interface ClientToServerEvents {
	command: (command: Command, ack: (reply: CommandAck) => void) => void;
	/** Facilitators only: the records for funders, which no snapshot carries [R53]. */
	records: (query: Record<string, never>, ack: (reply: RecordsReply) => void) => void;
}

export interface ServerToClientEvents {
	/** Sent to each socket on connect, before its snapshot: which of the group's devices it is. */
	device: (info: { deviceId: string }) => void;
	state: (snapshot: RoomState) => void;
	/** This device was removed from the group; the server disconnects it right after. */
	revoked: () => void;
	/**
	 * [R23][R80] The store failed over or came back: the next `state` is what it holds now, to be
	 * shown even if its version is not newer (writes lost with an old primary reuse their versions).
	 */
	resync: () => void;
}

/**
 * What the handshake `auth` must hold: `groupId`, `key`, and `protocol`, the protocol version the page
 * speaks (PROTOCOL_VERSION of its build; absent: taken to follow docs/protocol.md as it is now). @public (part of the public contract)
 */
export type HandshakeAuth = InferOutput<typeof HANDSHAKE_AUTH>;

/** What the server knows about a connected socket, from its credential. */
export interface SocketData {
	groupId: string;
	deviceId: string;
	role: Role;
}

/** The `data` of a refused handshake's `connect_error`. @public (part of the public contract) */
export type ConnectErrorData = ProtocolError;

/** `POST /api/groups` @public (part of the public contract) */
export type CreateGroupRequest = InferOutput<typeof CREATE_GROUP_BODY>;
export interface CreateGroupResponse {
	groupId: string;
	links: { remote: string; desk: string; display: string };
}
