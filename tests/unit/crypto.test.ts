import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/lib/crypto/base64url.ts';
import { newKeyPair, unwrapGroupKey, wrapGroupKey } from '../../src/lib/crypto/key-wrap.ts';
import { chooseEngine, nobleEngine, webCryptoEngine, type TextEngine } from '../../src/lib/crypto/text-engines.ts';
import { newGroupKey } from '../../src/lib/crypto/text-format.ts';
import { sealedLength } from '../../src/lib/protocol/protocol.ts';

// The vectors written down in docs/protocol.md, checked there against an independent AES-GCM
// implementation (Python's `cryptography`).
const VECTOR_KEY = new Uint8Array(32).map((_, i) => i);
const VECTOR_IV = new Uint8Array(12).map((_, i) => 0xa0 + i);
const VECTOR_GROUP = 'Xk3m0c2zT3O5j1Gz9aQp1w';
const VECTORS: Array<[string, string]> = [
	['Casey', 'e1.oKGio6Slpqeoqaqr.pXkPSDyeUlpCPBQrSxf-99sXUYQZ'],
	['Could lose the apartment 🏠', 'e1.oKGio6Slpqeoqaqr.pXcJQSHrbtARAKenbx_gvwDNK2T_0iwYvP65Cd9vT99ByUFPlhzT-79VdNzW'],
	['', 'e1.oKGio6Slpqeoqaqr.bzICwkozoc9mqIF2hkF2FQ']
];

/** Flips one bit of the base64url-decoded part `index` (1 = IV, 2 = ciphertext and tag) of an e1 value. */
function tamper(value: string, index: 1 | 2, byte: number): string {
	const parts = value.split('.');
	const bytes = fromBase64url(parts[index]);
	bytes[byte < 0 ? bytes.length + byte : byte] ^= 1;
	parts[index] = toBase64url(bytes);
	return parts.join('.');
}

/** Both implementations the pages use: WebCrypto (Node's is `globalThis.crypto.subtle`) and the library fallback. */
const ENGINES: Array<[string, () => Promise<TextEngine>]> = [
	['webcrypto', async () => webCryptoEngine(globalThis.crypto.subtle)],
	['noble', nobleEngine]
];

describe.each(ENGINES)('e1 text format (%s)', (name, load) => {
	let engine: TextEngine;
	beforeAll(async () => {
		engine = await load();
		expect(engine.name).toBe(name);
	});

	it('matches the published vectors', async () => {
		for (const [text, sealed] of VECTORS) {
			expect(await engine.seal(VECTOR_KEY, VECTOR_GROUP, text, VECTOR_IV)).toBe(sealed);
			expect(await engine.open(VECTOR_KEY, VECTOR_GROUP, sealed)).toBe(text);
		}
	});

	it('round-trips any text, with a fresh IV every time', async () => {
		const key = newGroupKey();
		const texts = ['Kurt', 'Tasha ❤️ crack & MS', '<script>alert(1)</script>', 'ñandú', 'x'.repeat(1000)];
		for (const text of texts) {
			const a = await engine.seal(key, 'g1', text);
			const b = await engine.seal(key, 'g1', text);
			expect(a).not.toBe(b);
			expect(await engine.open(key, 'g1', a)).toBe(text);
			expect(a.length).toBeLessThanOrEqual(sealedLength(text.length));
		}
	});

	it('rejects a tampered IV, ciphertext or tag, another group id, and another key', async () => {
		const [, sealed] = VECTORS[0];
		await expect(engine.open(VECTOR_KEY, VECTOR_GROUP, tamper(sealed, 1, 0))).rejects.toThrow();
		await expect(engine.open(VECTOR_KEY, VECTOR_GROUP, tamper(sealed, 2, 0))).rejects.toThrow();
		await expect(engine.open(VECTOR_KEY, VECTOR_GROUP, tamper(sealed, 2, -1))).rejects.toThrow(); // the tag
		await expect(engine.open(VECTOR_KEY, 'another-group', sealed)).rejects.toThrow();
		await expect(engine.open(newGroupKey(), VECTOR_GROUP, sealed)).rejects.toThrow();
		for (const junk of ['e1.', 'e1.a.b', 'e1.oKGio6Slpqeoqaqr', 'e2.oKGio6Slpqeoqaqr.pXkP', 'e1.oKGio6Slpqeoqaqr.pX+P'])
			await expect(engine.open(VECTOR_KEY, VECTOR_GROUP, junk), junk).rejects.toThrow();
	});
});

describe('the two implementations', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('open what the other sealed', async () => {
		const web = webCryptoEngine(globalThis.crypto.subtle);
		const noble = await nobleEngine();
		const key = newGroupKey();
		for (const text of ['Casey', 'Could lose the apartment 🏠', '']) {
			expect(await noble.open(key, 'g1', await web.seal(key, 'g1', text))).toBe(text);
			expect(await web.open(key, 'g1', await noble.seal(key, 'g1', text))).toBe(text);
		}
	});

	it('a page with WebCrypto uses it; one without (plain http on a LAN address) loads the library', async () => {
		expect((await chooseEngine(globalThis.crypto.subtle)).name).toBe('webcrypto');
		expect((await chooseEngine(undefined)).name).toBe('noble');
		// as in an insecure context: getRandomValues is there, subtle is not
		const getRandomValues = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
		vi.stubGlobal('crypto', { getRandomValues });
		vi.resetModules();
		const { pageEngine } = await import('../../src/lib/crypto/text-engines.ts');
		expect((await pageEngine()).name).toBe('noble');
		expect(newGroupKey()).toHaveLength(32);
	});
});

describe('base64url', () => {
	it('has no padding and refuses what is not canonical', () => {
		expect(toBase64url(new Uint8Array([251, 255]))).toBe('-_8');
		expect(fromBase64url('-_8')).toEqual(new Uint8Array([251, 255]));
		expect(() => fromBase64url('-_9')).toThrow();
		expect(() => fromBase64url('a')).toThrow();
	});
});

describe('group key wrapping (X25519 + HKDF-SHA256 + AES-256-GCM)', () => {
	it('delivers the key to the device whose public key it was wrapped for, and to no other', () => {
		const groupKey = newGroupKey();
		const projector = newKeyPair();
		const wrapped = wrapGroupKey(groupKey, projector.publicKey, 'group-a');
		expect(wrapped).toMatch(/^w1\.[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(unwrapGroupKey(wrapped, projector, 'group-a')).toEqual(groupKey);
		expect(() => unwrapGroupKey(wrapped, newKeyPair(), 'group-a')).toThrow();
		expect(() => unwrapGroupKey(wrapped, projector, 'group-b')).toThrow();
	});
});
