/**
 * The e1 text cipher (format: `text-format.ts`) with @noble/ciphers' audited AES-GCM, synchronous.
 * The pages load it only where WebCrypto is missing (a page served over plain http on a LAN
 * address is not a secure context): see `text-engines.ts`. Node tools and tests use it directly.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { formatSealed, newIv, parseSealed } from './text-format.ts';

export { newGroupKey } from './text-format.ts';

/** `iv` is for test vectors only: every real value gets a fresh random one. */
export function sealText(key: Uint8Array, groupId: string, text: string, iv: Uint8Array = newIv()): string {
	return formatSealed(iv, gcm(key, iv, utf8ToBytes(groupId)).encrypt(utf8ToBytes(text)));
}

/** The text, or an error for a wrong key, a wrong group, or any change to IV, ciphertext or tag. */
export function openText(key: Uint8Array, groupId: string, sealed: string): string {
	const { iv, ct } = parseSealed(sealed);
	return bytesToUtf8(gcm(key, iv, utf8ToBytes(groupId)).decrypt(ct));
}
