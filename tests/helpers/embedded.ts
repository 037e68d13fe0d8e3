/**
 * The embedded stores on a data directory of their own, for tests: a fresh directory unless one is
 * given (a restart test opens the same one again), under the run's data root (redis.global.ts), which
 * is removed when the run ends. `close` also releases the directory's lock, so the next store can open it.
 */
import { mkdtempSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { openEmbeddedCodeStore, type EmbeddedCodeStore } from '../../server/codes/code-store.embedded.ts';
import { openDataDir } from '../../server/store/data-dir.ts';
import { openEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from '../../server/store/room-store.embedded.ts';

/** A new empty directory under the run's data root. */
export function tempDataDir(): string {
	return mkdtempSync(path.join(inject('dataRoot'), 'data-'));
}

export async function embeddedStore(options: EmbeddedStoreOptions & { dir?: string } = {}): Promise<EmbeddedStore> {
	const dir = await openDataDir(options.dir ?? tempDataDir());
	const store = await openEmbeddedStore(dir, options);
	const close = store.close.bind(store);
	return Object.assign(store, { close: async () => (await close(), await dir.close()) });
}

export async function embeddedCodes(options: { now?: () => number; dir?: string } = {}): Promise<EmbeddedCodeStore> {
	const dir = await openDataDir(options.dir ?? tempDataDir());
	const codes = await openEmbeddedCodeStore(dir, options.now);
	const close = codes.close.bind(codes);
	return Object.assign(codes, { close: async () => (await close(), await dir.close()) });
}

/** Every byte of every file under `dir`, with the files' names, to search for what must not be there. */
export function everyByte(dir: string): { files: string[]; bytes: Buffer } {
	const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
	return { files: files.map((file) => path.relative(dir, file)), bytes: Buffer.concat(files.map((file) => readFileSync(file))) };
}
