/**
 * An invite code is a secret for the inviting device only [R44], yet its ack is kept with the command
 * id so that a retry gets it again [R18]. It is kept sealed (AES-256-GCM) under a key derived from
 * the sending device's credential, which the server holds only while that device is connected: the
 * store keeps the credential's SHA-256, from which this key cannot be made, so a copy of Redis does
 * not hold a working invite code.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key a device's acks are sealed with, from its credential (as sent in the handshake). */
export const ackKeyOf = (credential: string): Buffer => createHash('sha256').update(`roomcast ack seal\0${credential}`).digest();

export function sealForDevice(key: Buffer, value: unknown): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
	return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The sealed value, or undefined when it does not open with this key (another device's ack). */
export function openForDevice(key: Buffer, sealed: string): unknown {
	try {
		const [iv, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
		const decipher = createDecipheriv('aes-256-gcm', key, iv);
		decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
		return JSON.parse(Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8'));
	} catch {
		return undefined;
	}
}
