/**
 * The group key on this device: it arrives in a link's fragment (`&k=`), through pairing, or from
 * another facilitator device, and is kept in this browser's storage beside the device credential.
 * It never goes to the server. An invited device also keeps, until its key arrives, the key pair the
 * key will be wrapped for.
 */
import { fromBase64url, toBase64url } from '../crypto/base64url.ts';
import { GROUP_KEY_BYTES } from '../crypto/text-format.ts';
import type { KeyPair } from '../crypto/key-wrap.ts';

const keyName = (groupId: string) => `roomcast:${groupId}:k`;
const joiningName = (groupId: string) => `roomcast:${groupId}:joining`;

function read(name: string): string | null {
	try {
		return localStorage.getItem(name);
	} catch {
		return null;
	}
}

function write(name: string, value: string | null): void {
	try {
		if (value === null) localStorage.removeItem(name);
		else localStorage.setItem(name, value);
	} catch {
		// storage refused: the key works until the page is closed
	}
}

/** The key from this page's link fragment, if any. Call before the fragment is removed. */
export function groupKeyFromLink(): Uint8Array | null {
	const k = new URLSearchParams(location.hash.slice(1)).get('k');
	return k ? decodeKey(k) : null;
}

export function decodeKey(text: string): Uint8Array | null {
	try {
		const key = fromBase64url(text);
		return key.length === GROUP_KEY_BYTES ? key : null;
	} catch {
		return null;
	}
}

export function storedGroupKey(groupId: string): Uint8Array | null {
	const k = read(keyName(groupId));
	return k ? decodeKey(k) : null;
}

export function rememberGroupKey(groupId: string, key: Uint8Array): void {
	write(keyName(groupId), toBase64url(key));
}

export interface Joining {
	deviceId: string;
	keyPair: KeyPair;
}

export function rememberJoining(groupId: string, joining: Joining): void {
	const { deviceId, keyPair } = joining;
	write(joiningName(groupId), JSON.stringify({ deviceId, secretKey: toBase64url(keyPair.secretKey), publicKey: toBase64url(keyPair.publicKey) }));
}

export function storedJoining(groupId: string): Joining | null {
	try {
		const raw = JSON.parse(read(joiningName(groupId)) ?? 'null');
		if (!raw) return null;
		return { deviceId: raw.deviceId, keyPair: { secretKey: fromBase64url(raw.secretKey), publicKey: fromBase64url(raw.publicKey) } };
	} catch {
		return null;
	}
}

export function forgetJoining(groupId: string): void {
	write(joiningName(groupId), null);
}

/** A link's fragment with the group key added: `#key=<credential>&k=<group key>`. */
export function withGroupKey(link: string, key: Uint8Array): string {
	return `${link}&k=${toBase64url(key)}`;
}
