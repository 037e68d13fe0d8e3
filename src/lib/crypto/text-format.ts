/**
 * The text format (fixed; docs/protocol.md "End-to-end encryption"): every text a person typed is
 * `e1.<iv>.<ct>`, base64url without padding of a fresh random 12-byte IV and of the AES-256-GCM
 * ciphertext with its 16-byte tag, the group id (UTF-8) as additional data. The group key (32 bytes)
 * is made on the device that creates the group and never sent to the server.
 *
 * This module is the format only, with no cipher: the pages seal and open through
 * `text-engines.ts` (WebCrypto, or @noble/ciphers loaded when WebCrypto is missing).
 */
import { fromBase64url, toBase64url } from './base64url.ts';

const SEALED_PREFIX = 'e1.';
export const GROUP_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX);

/** Random bytes from the platform: `crypto.getRandomValues` works on plain http too. */
function randomBytes(length: number): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(length));
}

export function newGroupKey(): Uint8Array<ArrayBuffer> {
	return randomBytes(GROUP_KEY_BYTES);
}

export function newIv(): Uint8Array<ArrayBuffer> {
	return randomBytes(IV_BYTES);
}

export function formatSealed(iv: Uint8Array, ciphertextAndTag: Uint8Array): string {
	return `${SEALED_PREFIX}${toBase64url(iv)}.${toBase64url(ciphertextAndTag)}`;
}

/** The IV and the ciphertext with its tag; throws on anything that is not a well-formed e1 value. */
export function parseSealed(sealed: string): { iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> } {
	const parts = sealed.split('.');
	if (parts.length !== 3 || `${parts[0]}.` !== SEALED_PREFIX) throw new Error('not an e1 value');
	const iv = fromBase64url(parts[1]);
	const ct = fromBase64url(parts[2]);
	if (iv.length !== IV_BYTES || ct.length < TAG_BYTES) throw new Error('malformed e1 value');
	return { iv, ct };
}
