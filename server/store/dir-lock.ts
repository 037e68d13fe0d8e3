/**
 * One server process per data directory: a lock file holding the owner's process id, as PostgreSQL's
 * postmaster.pid does. It is made with link(2), which either creates the whole file or fails, so two
 * processes starting at once cannot both take it. A lock whose process is gone (kill -9, a crash, a
 * reboot: the boot id tells) is stale and taken over.
 */
import { existsSync, readFileSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'roomcast.lock';

interface Holder {
	pid: number;
	/** Linux's boot id: a pid from before a reboot names no process of ours. */
	boot: string | null;
	startedAt: string;
}

/** The data directory cannot be used. Its message is the sentence to print, in place of a stack trace. */
export class DataDirError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'DataDirError';
	}
}

/** Another live process holds the data directory. */
class DataDirLockedError extends DataDirError {
	constructor(dir: string, pid: number) {
		super(
			`Another Roomcast server (process ${pid}) is using the data directory ${dir}. ` +
				'Stop that one first, or give this one a DATA_DIR of its own. ' +
				`If no Roomcast server is running, delete ${path.join(dir, LOCK_FILE)} and start again.`
		);
		this.name = 'DataDirLockedError';
	}
}

const BOOT_ID = '/proc/sys/kernel/random/boot_id';
const bootId = (() => {
	try {
		return existsSync(BOOT_ID) ? readFileSync(BOOT_ID, 'utf8').trim() : null;
	} catch {
		return null;
	}
})();

/** Data directories this process holds (a second open in one process is refused too). */
const held = new Set<string>();

function alive(holder: Holder): boolean {
	if (holder.boot && bootId && holder.boot !== bootId) return false;
	// In a container the server often gets the same pid at every start: a lock with our own (or our
	// parent's) pid that this process did not take is from a previous life.
	if (holder.pid === process.pid || holder.pid === process.ppid) return false;
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
	}
}

async function holderOf(file: string): Promise<Holder | null> {
	try {
		const parsed = JSON.parse(await readFile(file, 'utf8')) as Holder;
		return Number.isInteger(parsed.pid) ? parsed : null;
	} catch {
		return null; // gone, or not ours to read: treated as stale
	}
}

/** Takes the lock of `dir` for this process; returns its release. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
	const file = path.join(dir, LOCK_FILE);
	if (held.has(file)) throw new DataDirLockedError(dir, process.pid);
	const mine: Holder = { pid: process.pid, boot: bootId, startedAt: new Date().toISOString() };
	const draft = `${file}.${process.pid}.tmp`;
	await writeFile(draft, JSON.stringify(mine) + '\n', { mode: 0o600 });
	try {
		for (let attempt = 0; ; attempt++) {
			try {
				await link(draft, file);
				break;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
			}
			const holder = await holderOf(file);
			if (holder && alive(holder)) throw new DataDirLockedError(dir, holder.pid);
			await unlink(file).catch(() => {}); // stale: its process is gone
		}
	} finally {
		await unlink(draft).catch(() => {});
	}
	held.add(file);
	return async () => {
		if (!held.delete(file)) return;
		if ((await holderOf(file))?.pid === process.pid) await unlink(file).catch(() => {});
	};
}
