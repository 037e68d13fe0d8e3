/** Device credentials: long random values. The server keeps only their SHA-256. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits, base64url: a device credential. */
export const newCredential = () => randomBytes(32).toString('base64url');

/** 128 bits, base64url: a group id (not a secret, but not guessable either). */
export const newGroupId = () => randomBytes(16).toString('base64url');

export const newDeviceId = () => `d${randomBytes(9).toString('base64url')}`;

export const hashCredential = (credential: string) => createHash('sha256').update(credential).digest('base64url');

export function sameHash(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
