/**
 * One server process per data directory: a lock file holding the owner's process id, as PostgreSQL's
 * postmaster.pid does. It is made with link(2), which either creates the whole file or fails, so two
 * processes starting at once cannot both take it. A lock whose process is gone (kill -9, a crash, a
 * reboot: the boot id tells) is stale and taken over, by one process at a time: two that start at
 * once after a crash must not both judge the old lock stale, one removing the lock the other has
 * just taken (a second lock file, held for a moment, makes the judging and removing one step).
 */
import { existsSync, readFileSync } from 'node:fs';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';

export const LOCK_FILE = 'roomcast.lock';
/** Held while a process judges the lock stale and removes it; a moment, unless that process died then. */
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
const TAKEOVER_STALE_MS = 10_000;
/** How often a start tries again while another process is taking a stale lock over (2 s in all). */
const ATTEMPTS = 100;
const RETRY_MS = 20;

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

/** The lock's holder; null when there is no lock file; 'damaged' when it is not one of ours to read. */
async function holderOf(file: string): Promise<Holder | null | 'damaged'> {
	try {
		const parsed = JSON.parse(await readFile(file, 'utf8')) as Holder;
		return Number.isInteger(parsed.pid) ? parsed : 'damaged';
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'damaged';
	}
}

const live = (holder: Holder | null | 'damaged'): holder is Holder => holder !== null && holder !== 'damaged' && alive(holder);

/**
 * Removes the lock at `file` if it is stale, judged and removed while holding the takeover file:
 * false when another process holds that now (the caller waits and tries again).
 */
async function removeIfStale(dir: string, file: string, draft: string): Promise<boolean> {
	const takeover = path.join(dir, TAKEOVER_FILE);
	try {
		await link(draft, takeover);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		// another start is judging the lock now, or one died doing it long ago
		const since = await stat(takeover).then((s) => Date.now() - s.mtimeMs, () => 0);
		if (since > TAKEOVER_STALE_MS) await unlink(takeover).catch(() => {});
		return false;
	}
	try {
		// Only a process holding the takeover file removes a lock, so the file read here is the one
		// removed below: a lock another process has just taken is read as live and left alone.
		const holder = await holderOf(file);
		if (live(holder)) throw new DataDirLockedError(dir, holder.pid);
		// stale (its process is gone) or damaged; none: gone meanwhile, nothing to remove
		if (holder !== null) await unlink(file).catch(() => {});
		return true;
	} finally {
		await unlink(takeover).catch(() => {});
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
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw error;
			}
			const holder = await holderOf(file);
			if (live(holder)) throw new DataDirLockedError(dir, holder.pid);
			if (!(await removeIfStale(dir, file, draft))) await delay(RETRY_MS);
		}
	} finally {
		await unlink(draft).catch(() => {});
	}
	held.add(file);
	return async () => {
		if (!held.delete(file)) return;
		const holder = await holderOf(file);
		if (holder !== null && holder !== 'damaged' && holder.pid === process.pid) await unlink(file).catch(() => {});
	};
}
