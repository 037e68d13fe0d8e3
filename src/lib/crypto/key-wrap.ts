/**
 * Handing the group key to a new device without the server reading it: the new device makes an
 * X25519 key pair and sends its public key; a facilitator device that holds the key wraps it for
 * that public key (ephemeral X25519 → HKDF-SHA256 → AES-256-GCM, the group id as additional data);
 * the server relays only `w1.<ephemeral public key>.<iv>.<ct>`.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes, utf8ToBytes } from '@noble/ciphers/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64url, toBase64url } from './base64url.ts';

const WRAP_PREFIX = 'w1';
const INFO = utf8ToBytes('roomcast group key wrap v1');

export interface KeyPair {
	secretKey: Uint8Array;
	publicKey: Uint8Array;
}

export function newKeyPair(): KeyPair {
	const { secretKey, publicKey } = x25519.keygen();
	return { secretKey, publicKey };
}

function wrappingKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Uint8Array {
	const salt = new Uint8Array([...ephemeralPublic, ...recipientPublic]);
	return hkdf(sha256, shared, salt, INFO, 32);
}

export function wrapGroupKey(groupKey: Uint8Array, recipientPublic: Uint8Array, groupId: string): string {
	const ephemeral = newKeyPair();
	const key = wrappingKey(x25519.getSharedSecret(ephemeral.secretKey, recipientPublic), ephemeral.publicKey, recipientPublic);
	const iv = randomBytes(12);
	const ct = gcm(key, iv, utf8ToBytes(groupId)).encrypt(groupKey);
	return [WRAP_PREFIX, toBase64url(ephemeral.publicKey), toBase64url(iv), toBase64url(ct)].join('.');
}

export function unwrapGroupKey(wrapped: string, recipient: KeyPair, groupId: string): Uint8Array {
	const [prefix, epk, iv, ct] = wrapped.split('.');
	if (prefix !== WRAP_PREFIX || !epk || !iv || !ct) throw new Error('not a w1 value');
	const ephemeralPublic = fromBase64url(epk);
	const key = wrappingKey(x25519.getSharedSecret(recipient.secretKey, ephemeralPublic), ephemeralPublic, recipient.publicKey);
	return gcm(key, fromBase64url(iv), utf8ToBytes(groupId)).decrypt(fromBase64url(ct));
}
