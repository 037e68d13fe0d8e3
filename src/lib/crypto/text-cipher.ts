/**
 * The text format (fixed; docs/protocol.md "End-to-end encryption"): every text a person typed is
 * `e1.<iv>.<ct>`, base64url without padding of a fresh random 12-byte IV and of the AES-256-GCM
 * ciphertext with its 16-byte tag, the group id (UTF-8) as additional data. The group key (32 bytes)
 * is made on the device that creates the group and never sent to the server.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { bytesToUtf8, randomBytes, utf8ToBytes } from '@noble/ciphers/utils.js';
import { fromBase64url, toBase64url } from './base64url.ts';

export const SEALED_PREFIX = 'e1.';
export const GROUP_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX);

export function newGroupKey(): Uint8Array {
	return randomBytes(GROUP_KEY_BYTES);
}

/** `iv` is for test vectors only: every real value gets a fresh random one. */
export function sealText(key: Uint8Array, groupId: string, text: string, iv: Uint8Array = randomBytes(IV_BYTES)): string {
	const ct = gcm(key, iv, utf8ToBytes(groupId)).encrypt(utf8ToBytes(text));
	return `${SEALED_PREFIX}${toBase64url(iv)}.${toBase64url(ct)}`;
}

/** The text, or an error for a wrong key, a wrong group, or any change to IV, ciphertext or tag. */
export function openText(key: Uint8Array, groupId: string, sealed: string): string {
	const parts = sealed.split('.');
	if (parts.length !== 3 || `${parts[0]}.` !== SEALED_PREFIX) throw new Error('not an e1 value');
	const iv = fromBase64url(parts[1]);
	const ct = fromBase64url(parts[2]);
	if (iv.length !== IV_BYTES || ct.length < TAG_BYTES) throw new Error('malformed e1 value');
	return bytesToUtf8(gcm(key, iv, utf8ToBytes(groupId)).decrypt(ct));
}
