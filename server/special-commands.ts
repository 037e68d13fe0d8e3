/**
 * The three commands whose effects reach past the room, into the code store: `device.pair` claims a
 * pairing code, `invite.create` makes an invite code, `pairing.deliverKey` leaves the wrapped key for
 * the projector's poll. Each has a step before the room's transaction (what the transaction needs)
 * and one after it (what the code store must learn of its outcome). Everything the room keeps, the
 * whole ack included, is written by the transaction itself, so a retried command id is answered with
 * its whole first ack [R18]; and each step can safely run again for a retry.
 */
import { ROLE, type Command, type CommandOf, type Device, type ProtocolError } from '../src/lib/protocol/protocol.ts';
import { sealForDevice } from './ack-seal.ts';
import { CODE_KIND } from './codes/code-store.ts';
import { parseShortCode } from './codes/short-code.ts';
import { newDeviceId } from './credentials.ts';
import { checkCode, issueInvite, SLOW_DOWN, TOO_MANY_TRIES, type PairingDeps } from './pairing.ts';
import { CODE_REFUSED, type CommandOutcome, type ServerContext } from './rooms.ts';

export interface Sender {
	groupId: string;
	/** Where the command came from, for counting wrong code guesses [R43]. */
	address(): string;
	/** Seals what only this device may read back (ack-seal.ts). */
	ackKey: Buffer;
}

export interface Prepared {
	/** What the room's transaction needs (a new device, a new invite, the ack's extra fields). */
	ctx?: Partial<ServerContext>;
	/** Refused before the transaction (too many guesses). */
	refusal?: ProtocolError;
	/** Runs after the transaction; may replace its ack (the key relay can still fail). */
	after?: (outcome: CommandOutcome) => Promise<ProtocolError | void>;
}

const NOTHING: Prepared = {};

export function prepareCommand(deps: PairingDeps, command: Command, sender: Sender): Promise<Prepared> | Prepared {
	switch (command.type) {
		case 'device.pair':
			return preparePairing(deps, command, sender);
		case 'invite.create':
			return prepareInvite(deps, command, sender);
		case 'pairing.deliverKey':
			return prepareKeyRelay(deps, command, sender);
		default:
			return NOTHING;
	}
}

/**
 * [R43] The code is claimed for this group and command atomically before the room admits the
 * display: of two approvals of one code, one wins and the other is refused. A code that does not work
 * goes on to the transaction without a device, which answers a retried id with its first ack and
 * anything else `code_refused`.
 */
async function preparePairing(deps: PairingDeps, command: CommandOf<'device.pair'>, sender: Sender): Promise<Prepared> {
	const checked = await checkCode(deps, CODE_KIND.pairing, command.code, sender.address(), false);
	// final, unlike rate_limited: a page must not keep sending a code guess by itself (a person waits)
	if (!checked.ok) return checked.error === SLOW_DOWN ? { refusal: TOO_MANY_TRIES } : NOTHING;
	const owner = `${sender.groupId}/${command.id}`;
	// a retry of this very command admits the device the first try chose
	const mine = checked.record.data.claim === owner;
	const deviceId = mine ? String(checked.record.data.deviceId) : newDeviceId();
	const claimed = await deps.codes.claim(CODE_KIND.pairing, checked.id, owner, { groupId: sender.groupId, deviceId });
	if (claimed.outcome !== 'won') return NOTHING;
	const { data } = claimed.record;
	const device: Device = { id: String(data.deviceId), role: ROLE.display, label: command.label, createdAt: deps.now(), publicKey: null, wrappedKey: null };
	const publicKey = typeof data.publicKey === 'string' ? data.publicKey : null;
	return {
		ctx: { newDevice: device, newKeyHash: String(data.tokenHash), ackExtra: { paired: { publicKey } } },
		// refused by the room (a full group): the code is free again for another try
		after: async ({ ack, replayed }) => {
			if (!ack.ok && !replayed) await deps.codes.release(CODE_KIND.pairing, checked.id, owner);
		}
	};
}

/**
 * [R44] The code's record is made first; it admits nobody until the transaction lists its invite.
 * The code goes into the ack sealed for the inviting device, so a retry shows the same code.
 */
async function prepareInvite(deps: PairingDeps, command: CommandOf<'invite.create'>, sender: Sender): Promise<Prepared> {
	const issued = await issueInvite(deps, sender.groupId, command.label);
	return {
		ctx: { newInvite: issued.pending, ackExtra: { invite: sealForDevice(sender.ackKey, issued.invite) } },
		// a retry answered with the first code, or a refusal: this code was never listed
		after: async ({ ack, replayed }) => {
			if (replayed || !ack.ok) await deps.codes.delete(CODE_KIND.invite, issued.codeId);
		}
	};
}

/**
 * [R48] The transaction checks the sender as stored now [R42] and that the code paired a display
 * into this group; then the wrapped key is left for the projector's poll, once.
 */
async function prepareKeyRelay(deps: PairingDeps, command: CommandOf<'pairing.deliverKey'>, sender: Sender): Promise<Prepared> {
	const parsed = parseShortCode(command.code);
	const record = parsed && (await deps.codes.get(CODE_KIND.pairing, parsed.id));
	if (!parsed || !record || record.data.groupId !== sender.groupId) return { ctx: { pairedDeviceId: null } };
	const done = record.data.keyDone;
	if (done && done !== command.id) return { refusal: CODE_REFUSED };
	return {
		ctx: { pairedDeviceId: String(record.data.deviceId) },
		after: async ({ ack }) => {
			if (!ack.ok) return;
			const left = await deps.codes.setData(CODE_KIND.pairing, parsed.id, { ...record.data, wrappedKey: command.wrappedKey, keyDone: command.id });
			if (!left) return CODE_REFUSED; // expired meanwhile
		}
	};
}
