/**
 * Short codes for pairing a projector and inviting a facilitator, typed by a person: 8 characters
 * from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as XXXX-XXXX, case-insensitive.
 * The first four name the code's record; the last four are its secret, checked at most
 * MAX_WRONG_TRIES times before the code is burnt.
 */
import { randomInt } from 'node:crypto';
import { hashCredential } from '../credentials.ts';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const MAX_WRONG_TRIES = 5;

export interface ShortCode {
	/** What people read and type: "K7PD-3MXA". */
	display: string;
	id: string;
	secret: string;
}

const pick = (n: number) => Array.from({ length: n }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export function newShortCode(): ShortCode {
	const id = pick(4);
	const secret = pick(4);
	return { display: `${id}-${secret}`, id, secret };
}

/** Reads what a person typed; null when it cannot be a code. */
export function parseShortCode(typed: string): Pick<ShortCode, 'id' | 'secret'> | null {
	const clean = typed.toUpperCase().replace(/[\s-]/g, '');
	if (clean.length !== 8 || [...clean].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
	return { id: clean.slice(0, 4), secret: clean.slice(4) };
}

export const hashSecret = (secret: string) => hashCredential(`code:${secret}`);
