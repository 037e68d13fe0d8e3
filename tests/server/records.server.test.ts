/** [R53] The records for funders over real sockets: asked for by facilitators, never sent to a display. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import type { RecordsReply } from '../../src/lib/protocol/protocol.ts';
import { connectClient, createGroup, startServer, type Client, type TestServer } from '../helpers/test-server.ts';

const DAY = 24 * 3600 * 1000;
let clock = Date.UTC(2026, 10, 23, 21, 30);
let server: TestServer;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore({ now: () => clock }), now: () => clock, recordsRetentionDays: 30 });
});
afterAll(() => server.close());

const ask = (client: Client, query: unknown = {}) => client.socket.timeout(5000).emitWithAck('records', query as Record<string, never>) as Promise<RecordsReply>;

async function runSession(desk: Client, prefix: string, arrivals: number) {
	expect(await desk.send({ id: `${prefix}1`, type: 'session.start' })).toMatchObject({ ok: true });
	await desk.send({ id: `${prefix}2`, type: 'speaker.set', name: 'Casey' });
	for (let i = 0; i < arrivals; i++) await desk.send({ id: `${prefix}a${i}`, type: 'headcount.arrive' });
	expect(await desk.send({ id: `${prefix}3`, type: 'session.end' })).toMatchObject({ ok: true });
}

describe('[R53] records for funders', () => {
	it('[R53] a facilitator device asks for them; no snapshot carries them; a display is refused', async () => {
		const keys = await createGroup(server.url);
		const desk = await connectClient(server.url, { groupId: keys.groupId, key: keys.desk });
		const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		await runSession(desk, 'm', 13);
		clock += 2 * DAY;
		await runSession(desk, 'w', 9);

		const reply = await ask(desk);
		expect(reply).toMatchObject({ ok: true, retentionDays: 30 });
		expect(reply.ok && reply.records.map((r) => r.arrivals)).toEqual([13, 9]);
		expect(JSON.stringify(reply)).not.toContain('Casey');
		for (const s of [...desk.snapshots, ...display.snapshots]) expect(s.group.records).toEqual([]);
		expect(desk.latest().group.lastSession).toMatchObject({ arrivals: 9 });
		expect(await ask(display)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await ask(desk, { all: true })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		expect(await ask(desk, null)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

		// past the retention the operator set, a record is never sent, even before the next change
		clock += 29 * DAY;
		const later = await ask(desk);
		expect(later.ok && later.records.map((r) => r.arrivals)).toEqual([9]);

		const [kept] = later.ok ? later.records : [];
		expect(await desk.send({ id: 'del', type: 'records.remove', recordId: kept.id })).toMatchObject({ ok: true });
		expect(await ask(desk)).toMatchObject({ ok: true, records: [] });
		expect((await desk.waitFor((s) => s.group.lastSession === null)).group.lastSession).toBeNull();
		desk.close();
		display.close();
	});
});
