/**
 * [R48] Passing the group key on: a facilitator device that has it wraps it for every invited device
 * waiting with a public key; a waiting device picks up the key wrapped for it. X25519 and HKDF load
 * only when needed, not with every page.
 */
import { fromBase64url } from '../crypto/base64url.ts';
import type { CommandInput, RoomState } from '../protocol/protocol.ts';
import type { Joining } from './group-key.ts';

const keyWrap = () => import('../crypto/key-wrap.ts');

export async function wrapFor(groupKey: Uint8Array, publicKey: string, groupId: string): Promise<string> {
	const { wrapGroupKey } = await keyWrap();
	return wrapGroupKey(groupKey, fromBase64url(publicKey), groupId);
}

export interface Courier {
	groupId: string;
	groupKey: Uint8Array | null | undefined;
	joining: Joining | null | undefined;
	/** Device ids this page already handed the key to. */
	delivered: Set<string>;
	send(input: CommandInput): unknown;
	/** The key arrived for this (waiting) device. */
	received(key: Uint8Array): void;
}

export async function passKeys(snapshot: RoomState, c: Courier): Promise<void> {
	if (c.groupKey) {
		for (const device of snapshot.devices) {
			if (!device.publicKey || device.wrappedKey || c.delivered.has(device.id)) continue;
			c.delivered.add(device.id);
			c.send({ type: 'device.deliverKey', deviceId: device.id, wrappedKey: await wrapFor(c.groupKey, device.publicKey, c.groupId) });
		}
	} else if (c.joining) {
		const mine = snapshot.devices.find((d) => d.id === c.joining!.deviceId);
		if (!mine?.wrappedKey) return;
		try {
			const { unwrapGroupKey } = await keyWrap();
			c.received(unwrapGroupKey(mine.wrappedKey, c.joining.keyPair, c.groupId));
		} catch {
			// not for this device's key pair: keep waiting (a facilitator can invite it again)
		}
	}
}
