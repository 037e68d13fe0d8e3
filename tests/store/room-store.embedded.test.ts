/**
 * The embedded store: the contract every store passes, and what only a store on a disk must do: keep
 * what it acknowledged across a restart, keep the last good state when a write is torn, leave nothing
 * of an ended or expired session on disk, and let one process at a time use its directory.
 * (tests/server/restart.server.test.ts does the same with real processes and kill -9.)
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/log.ts';
import { LOCK_FILE } from '../../server/store/dir-lock.ts';
import { StoreUnavailableError } from '../../server/store/room-store.ts';
import { embeddedStore, everyByte, tempDataDir } from '../helpers/embedded.ts';
import { until } from '../helpers/tcp-proxy.ts';
import { apply, newRoom, storeContract } from './room-store.contract.ts';

storeContract('embedded', async () => ({ store: await embeddedStore() }));

const groupFile = (dir: string, id: string) => path.join(dir, 'groups', `${id}.json`);
const contains = (dir: string, text: string) => everyByte(dir).bytes.includes(Buffer.from(text));

/** A store on a data directory of its own, with one group whose session has started. */
async function groupInSession(options: Omit<Parameters<typeof embeddedStore>[0], 'dir'> = {}) {
	const dir = tempDataDir();
	const store = await embeddedStore({ dir, ...options });
	const room = newRoom();
	await store.create(room);
	await apply(store, room.state.groupId, { type: 'session.start' });
	return { dir, store, id: room.state.groupId };
}

describe('embedded store on disk', () => {
	it('keeps every acknowledged change across a restart, in a directory only its owner can read', async () => {
		const { dir, store, id } = await groupInSession();
		for (const name of ['Casey', 'Kurt', 'Tasha']) await apply(store, id, { type: 'queue.add', name });
		const before = await store.load(id);
		await store.close();

		const again = await embeddedStore({ dir });
		expect(await again.load(id)).toEqual(before);
		expect(again.size()).toBe(1);
		expect(statSync(path.join(dir, 'groups')).mode & 0o777).toBe(0o700);
		expect(statSync(groupFile(dir, id)).mode & 0o777).toBe(0o600);
		await again.close();
	});

	it('a torn write (killed while writing) leaves the last good state, and no temporary file', async () => {
		const { dir, store, id } = await groupInSession();
		await apply(store, id, { type: 'queue.add', name: 'Franco' });
		const good = await store.load(id);
		await store.close();
		// what a process killed halfway through its next write leaves: part of a new file beside the old one
		writeFileSync(`${groupFile(dir, id)}.0123456789ab.tmp`, '{"format":1,"room":{"state":{"groupId":"');

		const again = await embeddedStore({ dir });
		expect(await again.load(id)).toEqual(good);
		expect(readdirSync(path.join(dir, 'groups'))).toEqual([`${id}.json`]);
		await again.close();
	});

	it('[R5] an ended session leaves no byte of its names or words in the data directory', async () => {
		const { dir, store, id } = await groupInSession();
		await apply(store, id, { type: 'speaker.set', name: 'Kellie' });
		await apply(store, id, { type: 'board.addItem', column: 'left', text: 'Clean up while high' });
		expect(contains(dir, 'Kellie')).toBe(true);
		await apply(store, id, { type: 'session.end' });
		expect(contains(dir, 'Kellie')).toBe(false);
		expect(contains(dir, 'Clean up while high')).toBe(false);
		expect(everyByte(dir).files.sort()).toEqual([`groups/${id}.json`, LOCK_FILE]);
		await store.close();
	});

	it('[R27] a session past its TTL is wiped from disk while running, and a group past its TTL at the next start', async () => {
		let now = 1_000_000;
		const { dir, store, id } = await groupInSession({ now: () => now, sessionTtlS: 60, groupTtlS: 3600, sweepMs: 20 });
		await apply(store, id, { type: 'speaker.set', name: 'Casey' });
		now += 59_000;
		expect((await store.load(id))!.state.session).not.toBeNull();
		now += 2_000;
		expect((await store.load(id))!.state.session).toBeNull();
		await until(() => !contains(dir, 'Casey'), 'the sweep to rewrite the file without the session');
		await store.close();

		now += 3600_000;
		const later = await embeddedStore({ dir, now: () => now });
		expect(await later.load(id)).toBeNull();
		expect(readdirSync(path.join(dir, 'groups'))).toEqual([]);
		await later.close();
	});

	it('[R27] a session that expired while the server was down is wiped at start', async () => {
		let now = 1_000_000;
		const { dir, store, id } = await groupInSession({ now: () => now, sessionTtlS: 60 });
		await apply(store, id, { type: 'queue.add', name: 'Vaughn' });
		await store.close();
		now += 61_000;
		const again = await embeddedStore({ dir, now: () => now, sessionTtlS: 60 });
		expect(contains(dir, 'Vaughn')).toBe(false);
		expect((await again.load(id))!.state.session).toBeNull();
		await again.close();
	});

	it('[R51] a write that fails is not acknowledged and changes nothing; /healthz says so until writing works again', async () => {
		const { dir, store, id } = await groupInSession();
		rmSync(path.join(dir, 'groups'), { recursive: true }); // as good as a full disk for a write
		await expect(apply(store, id, { type: 'queue.add', name: 'DJ' }, 'w1')).rejects.toBeInstanceOf(StoreUnavailableError);
		expect((await store.load(id))!.state.session!.queue).toEqual([]);
		expect(await store.ping()).toBe(false);
		mkdirSync(path.join(dir, 'groups'), { mode: 0o700 });
		expect(await store.ping()).toBe(true);
		expect(await apply(store, id, { type: 'queue.add', name: 'DJ' }, 'w1')).toMatchObject({ result: { ack: { ok: true, version: 3 } } });
		await store.close();
	});

	it('a file it cannot read is reported and left for the operator; the other groups load', async () => {
		const dir = tempDataDir();
		const store = await embeddedStore({ dir });
		const room = newRoom();
		await store.create(room);
		await store.close();
		writeFileSync(path.join(dir, 'groups', 'damaged1.json'), 'not json');
		const log = createMemoryLogger();
		const again = await embeddedStore({ dir, log });
		expect(await again.load(room.state.groupId)).not.toBeNull();
		expect(log.lines.some((line) => line.includes('store.unreadable_file') && line.includes('damaged1'))).toBe(true);
		expect(readdirSync(path.join(dir, 'groups')).sort()).toEqual([`${room.state.groupId}.json`, 'damaged1.json'].sort());
		await again.close();
	});
});

describe('the data directory', () => {
	it('one that cannot be used (a file, say) is refused with a sentence, not a stack trace', async () => {
		const file = path.join(tempDataDir(), 'not-a-directory');
		writeFileSync(file, '');
		await expect(embeddedStore({ dir: file })).rejects.toThrow(/^The data directory .*not-a-directory cannot be used \(EEXIST\): check that it is a directory/);
	});

	it('a second store on the same directory is refused with a sentence that says why and what to do', async () => {
		const dir = tempDataDir();
		const first = await embeddedStore({ dir });
		await expect(embeddedStore({ dir })).rejects.toThrow(/Another Roomcast server \(process \d+\) is using the data directory .*Stop that one first/);
		await first.close();
		const second = await embeddedStore({ dir }); // released on close
		await second.close();
	});

	it('the lock of a process that is gone (kill -9, a crash) is taken over', async () => {
		const dir = tempDataDir();
		const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
		writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: gone, boot: null, startedAt: '' }));
		const store = await embeddedStore({ dir });
		await store.close();
	});

	it('of servers that start at once after a crash, exactly one takes the stale lock over', { timeout: 60_000 }, async () => {
		const lockModule = new URL('../../server/store/dir-lock.ts', import.meta.url).href;
		// each loads, says it is ready, tries the lock when told to (all at the same moment) and says
		// whether it took it, then holds it until told to stop (so no other can take it over from it)
		const script = `import { lockDataDir } from ${JSON.stringify(lockModule)};
			console.log('ready');
			process.stdin.once('data', async () => {
				try { await lockDataDir(process.argv[1]); console.log('took'); } catch (e) { console.log(e.name); }
			});
			process.stdin.on('end', () => process.exit(0));`;
		const line = (child: ChildProcessWithoutNullStreams) => new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())));
		for (let round = 0; round < 10; round++) {
			const dir = tempDataDir();
			const gone = spawnSync(process.execPath, ['-e', '0']).pid;
			writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: gone, boot: null, startedAt: '' }));
			const starters = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir]));
			try {
				expect(await Promise.all(starters.map(line))).toEqual(['ready', 'ready', 'ready', 'ready']);
				const said = Promise.all(starters.map(line));
				for (const child of starters) child.stdin.write('go\n');
				expect((await said).sort(), `round ${round + 1}`).toEqual(['DataDirLockedError', 'DataDirLockedError', 'DataDirLockedError', 'took']);
			} finally {
				for (const child of starters) child.stdin.end();
			}
		}
	});

});
