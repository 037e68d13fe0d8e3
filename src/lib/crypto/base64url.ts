/** base64url without padding (RFC 4648 §5), for bytes in text fields and links. Works in any browser context. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function toBase64url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
		for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
	}
	return out;
}

/** Throws on anything that is not canonical unpadded base64url. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
	if (text.length % 4 === 1) throw new Error('not base64url');
	const out = new Uint8Array(Math.floor((text.length * 6) / 8));
	let bits = 0;
	let value = 0;
	let at = 0;
	for (const ch of text) {
		const v = LOOKUP.get(ch);
		if (v === undefined) throw new Error('not base64url');
		value = (value << 6) | v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[at++] = (value >> bits) & 255;
		}
	}
	if (bits > 0 && (value & ((1 << bits) - 1)) !== 0) throw new Error('not canonical base64url');
	return out;
}
