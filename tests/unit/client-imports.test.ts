/**
 * The pages never parse or apply commands, so the command table (commands*.ts, schema.ts, requests.ts),
 * the schema library (valibot) and the room rules (room/room*.ts) must stay out of their bundles.
 * `protocol.ts` re-exports the command table with top-level code the bundler cannot drop, so client
 * code takes types from it (`import type`) and values from the leaf modules (limits.ts, errors.ts,
 * state.ts, sealed.ts). Likewise the AES-GCM library is loaded only where WebCrypto is missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLIENT_DIRS = ['src/lib/client', 'src/lib/components', 'src/lib/crypto', 'src/lib/i18n', 'src/routes'];
/** Modules a page may import types from but no values. */
const SERVER_SIDE = /\/protocol\/(protocol|commands[^/]*|schema|command-spec|requests)\.ts$|\/room\/room[^/]*\.ts$/;

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return sources(file);
		return /\.(ts|svelte)$/.test(name) ? [file] : [];
	});
}

/** Every `import ... from '...'` and `import('...')` of a file, with whether it is type-only. */
function imports(code: string): { spec: string; typeOnly: boolean }[] {
	const found: { spec: string; typeOnly: boolean }[] = [];
	for (const m of code.matchAll(/\bimport\s+(type\s+)?([^'"`;]*?)\s*from\s*['"]([^'"]+)['"]/g))
		found.push({ spec: m[3], typeOnly: Boolean(m[1]) });
	for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1], typeOnly: false });
	for (const m of code.matchAll(/\bimport\s+['"]([^'"]+)['"]/g)) found.push({ spec: m[1], typeOnly: false });
	return found;
}

describe('client code and the command table', () => {
	it('takes only types from the protocol barrel, the command table and the room rules', () => {
		const offending: string[] = [];
		for (const file of CLIENT_DIRS.flatMap(sources)) {
			for (const { spec, typeOnly } of imports(readFileSync(file, 'utf8'))) {
				const resolved = spec.startsWith('$lib/') ? `src/lib/${spec.slice(5)}` : path.join(path.dirname(file), spec);
				if (!typeOnly && SERVER_SIDE.test(resolved.split(path.sep).join('/'))) offending.push(`${file}: ${spec}`);
			}
		}
		expect(offending, 'import values from limits.ts, errors.ts, state.ts or sealed.ts instead').toEqual([]);
	});

	it('leave the schema library out: neither client code nor the protocol modules it imports take a value from valibot', () => {
		// the leaf modules pages import values from (limits.ts, state.ts, ...) must not pull it in either
		const leaves = sources('src/lib/protocol').filter((file) => !SERVER_SIDE.test(file.split(path.sep).join('/')));
		const offending = [...CLIENT_DIRS.flatMap(sources), ...leaves].filter((file) =>
			imports(readFileSync(file, 'utf8')).some(({ spec, typeOnly }) => !typeOnly && /^valibot(\/|$)/.test(spec))
		);
		expect(offending, 'validate on the server; a page would only carry the weight').toEqual([]);
	});

	it('loads the AES-GCM library only where WebCrypto is missing (text-engines.ts imports it lazily)', () => {
		const offending: string[] = [];
		for (const file of CLIENT_DIRS.flatMap(sources)) {
			const code = readFileSync(file, 'utf8');
			for (const m of code.matchAll(/\bimport\s+(?!type\b)[^'"`;]*?from\s*['"]([^'"]+)['"]/g))
				if (/\/text-cipher\.ts$|^@noble\/ciphers/.test(m[1]) && !file.endsWith('key-wrap.ts') && !file.endsWith('text-cipher.ts')) offending.push(`${file}: ${m[1]}`);
		}
		expect(offending, 'seal and open through text-engines.ts (WebCrypto)').toEqual([]);
	});

	it('talk to the server through one module, room-socket.ts (socket.io-client, set up as the server expects)', () => {
		const offending = CLIENT_DIRS.flatMap(sources).filter(
			(file) => !file.endsWith('room-socket.ts') && imports(readFileSync(file, 'utf8')).some(({ spec, typeOnly }) => !typeOnly && spec.startsWith('socket.io-client'))
		);
		expect(offending).toEqual([]);
	});
});
