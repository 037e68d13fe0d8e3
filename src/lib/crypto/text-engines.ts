/**
 * Sealing and opening e1 texts (`text-format.ts`) in a page: through the browser's WebCrypto
 * (`crypto.subtle`, native AES-GCM, no code to download) wherever it exists. A page served over plain
 * http on a LAN address is not a secure context and has no `crypto.subtle`: there, and only there,
 * @noble/ciphers (`text-cipher.ts`) is loaded on first use. Both give byte-identical values.
 */
import { formatSealed, newIv, parseSealed } from './text-format.ts';

export interface TextEngine {
	readonly name: 'webcrypto' | 'noble';
	/** `iv` is for test vectors only: every real value gets a fresh random one. */
	seal(key: Uint8Array, groupId: string, text: string, iv?: Uint8Array): Promise<string>;
	/** The text; rejects for a wrong key, a wrong group, or any change to IV, ciphertext or tag. */
	open(key: Uint8Array, groupId: string, sealed: string): Promise<string>;
}

const AES_GCM = 'AES-GCM';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Copies into a buffer of its own, as WebCrypto wants an ArrayBuffer-backed view. */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export function webCryptoEngine(subtle: SubtleCrypto): TextEngine {
	// one imported CryptoKey per key: importing costs more than a short text's encryption
	const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>();
	const cryptoKey = (key: Uint8Array) => {
		let found = imported.get(key);
		if (!found) {
			found = subtle.importKey('raw', own(key), AES_GCM, false, ['encrypt', 'decrypt']);
			imported.set(key, found);
		}
		return found;
	};
	return {
		name: 'webcrypto',
		async seal(key, groupId, text, iv = newIv()) {
			const params = { name: AES_GCM, iv: own(iv), additionalData: encoder.encode(groupId) };
			const ct = await subtle.encrypt(params, await cryptoKey(key), encoder.encode(text));
			return formatSealed(iv, new Uint8Array(ct));
		},
		async open(key, groupId, sealed) {
			const { iv, ct } = parseSealed(sealed);
			const plain = await subtle.decrypt({ name: AES_GCM, iv, additionalData: encoder.encode(groupId) }, await cryptoKey(key), ct);
			return decoder.decode(plain);
		}
	};
}

/** @noble/ciphers, loaded when first asked for (a chunk of its own, about 4 KB gzipped). */
export async function nobleEngine(): Promise<TextEngine> {
	const { sealText, openText } = await import('./text-cipher.ts');
	return {
		name: 'noble',
		seal: async (key, groupId, text, iv) => sealText(key, groupId, text, iv),
		open: async (key, groupId, sealed) => openText(key, groupId, sealed)
	};
}

/** WebCrypto where the page has it, else the library. */
export function chooseEngine(subtle: SubtleCrypto | undefined): Promise<TextEngine> {
	return subtle ? Promise.resolve(webCryptoEngine(subtle)) : nobleEngine();
}

let chosen: Promise<TextEngine> | null = null;

/** The page's engine, chosen once. A failed load of the library (offline) is tried again next time. */
export function pageEngine(): Promise<TextEngine> {
	if (!chosen) {
		chosen = chooseEngine(globalThis.crypto?.subtle);
		chosen.catch(() => (chosen = null));
	}
	return chosen;
}
