/**
 * [R43][R48] A facilitator device approves the screen showing a pairing code: `device.pair` names
 * it and makes it a read-only device of the group; then the group key, wrapped here for the
 * screen's own X25519 key (from that ack), goes to it through `pairing.deliverKey`. The server only
 * relays the wrapped key. The one way to approve a screen: the Devices panel and /pair both use it.
 */
import type { RoomConnection } from '../../client/room-connection.svelte.ts';
import type { ProtocolError } from '../../protocol/protocol.ts';

export type PairingOutcome =
	| { ok: true; label: string; keyDelivered: boolean }
	| { ok: false; error: ProtocolError };

type Approver = Pick<RoomConnection, 'send' | 'wrapKeyFor'>;

export async function approvePairing(conn: Approver, code: string, label: string): Promise<PairingOutcome> {
	const typed = code.trim();
	const paired = await conn.send({ type: 'device.pair', code: typed, label });
	if (!paired.ok) return paired;
	const publicKey = paired.paired?.publicKey ?? null;
	const wrappedKey = publicKey ? await conn.wrapKeyFor(publicKey) : null;
	// a device without the key still pairs the screen: it will say it cannot read the group [R49]
	const delivered = await conn.send({ type: 'pairing.deliverKey', code: typed, wrappedKey });
	return { ok: true, label, keyDelivered: delivered.ok && wrappedKey !== null };
}

/** A code from a QR code's link or typed by hand, as the screen shows it: "K7PD-3MXA". */
export function formatCode(text: string): string {
	const clean = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
	return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}
