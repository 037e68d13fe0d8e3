/**
 * The embedded store with real processes (issue 12): the production server, started as `npm start`
 * starts it (tests/helpers/server-process.ts), on a data directory of the test's own. kill -9 in the
 * middle of two devices' burst loses nothing it acknowledged and doubles nothing; an ended session
 * leaves no byte of its words in the directory; a second server on the same directory is refused.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/redis-for-tests.ts';
import type { CommandAck, RoomState } from '../../src/lib/protocol/protocol.ts';
import { everyByte, tempDataDir } from '../helpers/embedded.ts';
import { EarlyExitError, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { connectClient, createGroup, type Client } from '../helpers/test-server.ts';

const processes: ServerProcess[] = [];
afterAll(async () => {
	for (const p of processes) await p.kill();
});

async function node(port: number, dataDir: string) {
	const p = await startServerProcess(port, { DATA_DIR: dataDir });
	processes.push(p);
	return p;
}

const names = (s: RoomState) => s.session?.queue.map((e) => e.name) ?? [];
const count = (list: string[], name: string) => list.filter((n) => n === name).length;
const ok = (ack: CommandAck) => expect(ack).toMatchObject({ ok: true });

describe('embedded store, real processes', { timeout: 120_000 }, () => {
	it('[R50] kill -9 during a burst from two devices: after a restart every acknowledged command is there exactly once', async () => {
		const dataDir = tempDataDir();
		const port = await freePort();
		let server = await node(port, dataDir);
		expect(server.banner).toContain(`using the embedded store in ${dataDir}`);
		const keys = await createGroup(server.url);
		const remote = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
		const desk = await connectClient(server.url, { groupId: keys.groupId, key: keys.desk });
		ok(await remote.send({ id: 'start', type: 'session.start' }));

		// 25 names from each device, all sent at once; the server is killed as the fifth answer arrives
		const burst = [remote, desk].flatMap((device, d) =>
			Array.from({ length: 25 }, (_, i) => ({ device, command: { id: `b${d}-${i}`, type: 'queue.add', name: `${['Casey', 'Kurt'][d]} ${i}` } }))
		);
		const acknowledged = new Set<string>();
		await Promise.allSettled(
			burst.map(({ device, command }) =>
				device.send(command).then((ack) => {
					if (!ack.ok) return;
					acknowledged.add(command.name);
					if (acknowledged.size === 5) server.child.kill('SIGKILL');
				})
			)
		);
		await server.exited;
		expect(server.child.signalCode).toBe('SIGKILL');
		remote.close();
		desk.close();

		server = await node(port, dataDir);
		const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		const after = names(display.latest());
		for (const name of acknowledged) expect(count(after, name), name).toBe(1);
		for (const name of after) expect(count(after, name), name).toBe(1);

		// the devices come back and send again what was not answered, with the same ids: each applies once
		const [remote2, desk2] = await Promise.all([keys.remote, keys.desk].map((key) => connectClient(server.url, { groupId: keys.groupId, key })));
		const again = burst.filter(({ command }) => !acknowledged.has(command.name));
		for (const ack of await Promise.all(again.map(({ device, command }) => (device === remote ? remote2 : desk2).send(command)))) ok(ack);
		const final = await display.waitFor((s) => names(s).length === 50, 'all 50 names');
		expect(new Set(names(final)).size).toBe(50);
		for (const c of [display, remote2, desk2]) c.close();
	});

	it('[R5] an ended session leaves no byte of its names or words in the data directory, before and after a stop', async () => {
		const dataDir = tempDataDir();
		const server = await node(await freePort(), dataDir);
		const keys = await createGroup(server.url);
		const remote: Client = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
		const words = ['Vaughn', 'Kellie', 'Clean up while high', 'Medical marijuana'];
		ok(await remote.send({ id: 's1', type: 'session.start' }));
		ok(await remote.send({ id: 's2', type: 'speaker.set', name: 'Vaughn' }));
		ok(await remote.send({ id: 's3', type: 'queue.add', name: 'Kellie' }));
		ok(await remote.send({ id: 's4', type: 'board.addItem', column: 'left', text: 'Clean up while high' }));
		ok(await remote.send({ id: 's5', type: 'parkingLot.add', text: 'Medical marijuana' }));
		const during = everyByte(dataDir).bytes;
		for (const word of words) expect(during.includes(Buffer.from(word)), word).toBe(true);

		ok(await remote.send({ id: 's6', type: 'session.end' }));
		const ended = everyByte(dataDir);
		for (const word of words) expect(ended.bytes.includes(Buffer.from(word)), word).toBe(false);
		expect(ended.files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
		remote.close();

		await server.kill('SIGTERM');
		const stopped = everyByte(dataDir);
		for (const word of words) expect(stopped.bytes.includes(Buffer.from(word)), word).toBe(false);
		expect(stopped.files).toEqual([`groups/${keys.groupId}.json`]); // the lock is released on a clean stop
	});

	it('a second server on the same data directory is refused with a sentence; the first goes on serving', async () => {
		const dataDir = tempDataDir();
		const first = await node(await freePort(), dataDir);
		const refused = await startServerProcess(await freePort(), { DATA_DIR: dataDir }).then(
			(p) => (processes.push(p), null),
			(error: unknown) => error
		);
		expect(refused).toBeInstanceOf(EarlyExitError);
		expect((refused as EarlyExitError).code).toBe(1);
		expect((refused as EarlyExitError).stderr).toContain(`Another Roomcast server (process ${first.child.pid}) is using the data directory ${dataDir}.`);
		const health = await fetch(`${first.url}/healthz`);
		const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
		expect(await health.json()).toMatchObject({ ok: true, store: 'embedded', version, uptimeS: expect.any(Number) });
	});
});
