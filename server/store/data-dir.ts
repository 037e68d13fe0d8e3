/**
 * The embedded store's directory (DATA_DIR): owner-only, held by one process (dir-lock.ts), and
 * written only by replacing whole files. A write goes to a new temporary file, which is fsynced and
 * renamed over the old one, then the directory is fsynced: after a crash the file is the old one or
 * the new one, never a mix, and once `write` resolves it survives a power cut. Nothing is appended,
 * so no old version of a file is kept anywhere in the directory (the blocks the file system frees are
 * not overwritten: README "Privacy" recommends full-disk encryption).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DataDirError, lockDataDir } from './dir-lock.ts';

export interface DataDir {
	/** Absolute path. */
	readonly path: string;
	/** Whether the directory was made now (owner-only) or was there already with wider permissions. */
	readonly openToOthers: boolean;
	/** The names of the files in `sub`, without temporary files. */
	list(sub: string): Promise<string[]>;
	/** A file's text, or null when there is none. */
	read(file: string): Promise<string | null>;
	/** Replaces `file` with `text`, durably (see above). */
	write(file: string, text: string): Promise<void>;
	/** Deletes `file` (nothing when there is none), durably. */
	remove(file: string): Promise<void>;
	/** Releases the lock; later writes fail. */
	close(): Promise<void>;
}

/** Sub-directories the stores use, made at open. */
const SUBDIRS = ['groups'];
const TEMP = /\.[0-9a-f]{12}\.tmp$/;

export async function openDataDir(dir: string): Promise<DataDir> {
	const root = path.resolve(dir);
	let openToOthers: boolean;
	let release: () => Promise<void>;
	try {
		mkdirSync(root, { recursive: true, mode: 0o700 });
		openToOthers = (statSync(root).mode & 0o077) !== 0;
		release = await lockDataDir(root);
		for (const sub of SUBDIRS) mkdirSync(path.join(root, sub), { recursive: true, mode: 0o700 });
		// A process killed while writing leaves its temporary file: a write that was never acknowledged.
		for (const sub of ['.', ...SUBDIRS])
			for (const name of await readdir(path.join(root, sub))) if (TEMP.test(name)) await unlink(path.join(root, sub, name));
	} catch (error) {
		if (error instanceof DataDirError) throw error;
		const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		throw new DataDirError(`The data directory ${root} cannot be used (${code}): check that it is a directory this user may write, or set DATA_DIR to one.`, { cause: error });
	}
	let closed = false;
	const full = (file: string) => {
		if (closed) throw new Error('the data directory is closed');
		const resolved = path.resolve(root, file);
		if (path.dirname(resolved) !== root && !SUBDIRS.some((sub) => path.dirname(resolved) === path.join(root, sub)))
			throw new Error('a data file must be in the data directory');
		return resolved;
	};

	return {
		path: root,
		openToOthers,
		async list(sub) {
			return (await readdir(path.join(root, sub))).filter((name) => !TEMP.test(name));
		},
		async read(file) {
			try {
				return await readFile(full(file), 'utf8');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async write(file, text) {
			const target = full(file);
			const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
			const handle = await open(temp, 'wx', 0o600);
			try {
				await handle.writeFile(text);
				await handle.sync();
			} finally {
				await handle.close();
			}
			try {
				await rename(temp, target);
			} catch (error) {
				await unlink(temp).catch(() => {});
				throw error;
			}
			await syncDir(path.dirname(target));
		},
		async remove(file) {
			const target = full(file);
			try {
				await unlink(target);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
				throw error;
			}
			await syncDir(path.dirname(target));
		},
		async close() {
			if (closed) return;
			closed = true;
			await release();
		}
	};
}

/** Makes a rename or an unlink in `dir` durable. */
async function syncDir(dir: string): Promise<void> {
	if (process.platform === 'win32') return; // Windows cannot open a directory to sync it
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}
