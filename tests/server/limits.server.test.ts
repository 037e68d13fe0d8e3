/**
 * Limits that hold at every layer (issue 13): bare Engine.IO connections, slow handshakes, group
 * creation, proxy headers a client forges, floods of commands from any role, and the log they write.
 */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientAddress } from '../../server/origins.ts';
import { embeddedStore } from '../helpers/embedded.ts';
import type { LimitSettings } from '../../server/limits.ts';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/protocol.ts';
import { connectClient, connectRefused, createGroup, disconnected, startServer, type TestServer } from '../helpers/test-server.ts';

const servers: TestServer[] = [];
afterAll(async () => {
	for (const s of servers) await s.close();
});

async function serverWith(limits: Partial<LimitSettings>, trustProxyHops = 0) {
	const server = await startServer({ store: await embeddedStore(), limits, trustProxyHops });
	servers.push(server);
	return server;
}

/** A bare Engine.IO WebSocket that never sends a Socket.IO CONNECT. Resolves once open, or with the refusal. */
function bareSocket(url: string): Promise<{ ws: WebSocket; open: boolean; closed: Promise<void> }> {
	const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
	const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
	return new Promise((resolve) => {
		ws.once('open', () => resolve({ ws, open: true, closed }));
		ws.once('error', () => resolve({ ws, open: false, closed }));
	});
}

const postGroup = (server: TestServer, forwardedFor?: string) =>
	fetch(`${server.url}/api/groups`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
		body: JSON.stringify({ name: 'Monday group' })
	});

describe('the Engine.IO layer [R68]', () => {
	it('[R68] counts WebSockets that never complete a handshake: one address holds at most socketsPerAddress', async () => {
		const server = await serverWith({ socketsPerAddress: 5 });
		const held = await Promise.all(Array.from({ length: 5 }, () => bareSocket(server.url)));
		expect(held.every((s) => s.open)).toBe(true);
		expect((await bareSocket(server.url)).open).toBe(false);
		held[0].ws.close();
		await held[0].closed;
		// the server counts the place free once its side of the TCP connection has closed too
		let again = await bareSocket(server.url);
		for (let tries = 0; !again.open && tries < 50; tries++) again = await bareSocket(server.url);
		expect(again.open).toBe(true);
		for (const s of [...held, again]) s.ws.close();
	});

	it('[R68] closes a connection that has not completed its handshake in time', async () => {
		const server = await serverWith({ handshakeTimeoutMs: 300 });
		const started = Date.now();
		const silent = await bareSocket(server.url);
		expect(silent.open).toBe(true);
		await silent.closed;
		expect(Date.now() - started).toBeLessThan(5000);
	});
});

describe('group creation [R70]', () => {
	it('[R70] one address may make groupsPerHourPerAddress groups an hour; then 429 rate_limited', async () => {
		const server = await serverWith({ groupsPerHourPerAddress: 2 });
		expect((await postGroup(server)).status).toBe(201);
		expect((await postGroup(server)).status).toBe(201);
		const third = await postGroup(server);
		expect(third.status).toBe(429);
		expect((await third.json()).error.code).toBe('rate_limited');
	});
});

describe('behind a reverse proxy [R71]', () => {
	it('[R71] takes the address the nearest trusted proxy saw, never a hop the client wrote', async () => {
		const server = await serverWith({ groupsPerHourPerAddress: 1 }, 1);
		expect((await postGroup(server, 'spoofed-1, 203.0.113.7')).status).toBe(201);
		// a new forged first hop does not make a new address
		expect((await postGroup(server, 'spoofed-2, 203.0.113.7')).status).toBe(429);
		expect((await postGroup(server, '198.51.100.4')).status).toBe(201);
	});

	it('[R71] counts hops from the right', () => {
		const req = (xff: string | undefined) => ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff }, socket: { remoteAddress: '10.0.0.2' } }) as never;
		expect(clientAddress(req('1.1.1.1, 2.2.2.2, 3.3.3.3'), 0)).toBe('10.0.0.2');
		expect(clientAddress(req('1.1.1.1, 2.2.2.2, 3.3.3.3'), 1)).toBe('3.3.3.3');
		expect(clientAddress(req('1.1.1.1, 2.2.2.2, 3.3.3.3'), 2)).toBe('2.2.2.2');
		expect(clientAddress(req('3.3.3.3'), 2)).toBe('3.3.3.3');
		expect(clientAddress(req(undefined), 1)).toBe('10.0.0.2');
	});
});

describe('floods [R45][R69]', () => {
	it('[R69] a facilitator socket that keeps sending far past its limit is cut off; another group goes on', async () => {
		const server = await serverWith({ commandsPer10sPerDevice: 20, floodRefusalsPer10s: 50 });
		const [a, b] = [await createGroup(server.url), await createGroup(server.url)];
		const flooder = await connectClient(server.url, { groupId: a.groupId, key: a.remote });
		const other = await connectClient(server.url, { groupId: b.groupId, key: b.remote });
		const gone = disconnected(flooder.socket);
		for (let i = 0; i < 500; i++) flooder.socket.emit('command', { id: `f${i}`, type: 'headcount.arrive' } as never, () => {});
		expect(await gone).toBe('transport close');
		expect(await other.send({ id: 'o1', type: 'session.start' })).toMatchObject({ ok: true });
		expect(server.log.lines.filter((l) => l.includes('"socket.flooded"'))).toHaveLength(1);
		other.close();
	});

	it('[R45] commands pipelined past commandsInFlightPerSocket are refused at once; one at a time, far more go through', async () => {
		const server = await serverWith({ commandsPer10sPerDevice: 1000, commandsInFlightPerSocket: 5, floodRefusalsPer10s: 1000 });
		const keys = await createGroup(server.url);
		const remote = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
		await remote.send({ id: 'b0', type: 'session.start' });
		const acks = await Promise.all(Array.from({ length: 40 }, (_, i) => remote.send({ id: `b${i + 1}`, type: 'headcount.arrive' })));
		const accepted = acks.filter((ack) => ack.ok).length;
		expect(accepted).toBeLessThan(20); // 6 at a time (5 waiting, one more), whatever arrives before they finish
		expect(acks.filter((ack) => !ack.ok && ack.error.code === 'rate_limited').length).toBe(40 - accepted);
		for (let i = 0; i < 40; i++) expect(await remote.send({ id: `s${i}`, type: 'headcount.arrive' }), 'one at a time').toMatchObject({ ok: true });
		remote.close();
	});

	it('[R2][R69] a display is refused forbidden every time, its refusals are logged as counts, and its flood is cut off', async () => {
		const server = await serverWith({ floodRefusalsPer10s: 300 });
		const keys = await createGroup(server.url);
		const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		const acks = await Promise.all(Array.from({ length: 300 }, (_, i) => display.send({ id: `d${i}`, type: 'session.start' })));
		expect(new Set(acks.map((ack) => (ack.ok ? 'ok' : ack.error.code)))).toEqual(new Set(['forbidden']));
		expect(server.log.lines.filter((l) => l.includes('"command.refused"')).length).toBeLessThanOrEqual(2);
		const gone = disconnected(display.socket);
		for (let i = 0; i < 50; i++) display.socket.emit('command', { id: `x${i}`, type: 'session.start' } as never, () => {});
		expect(await gone).toBe('transport close');
	});

	it('[R25][R68][R69] refused connections are logged as counts: a line when they start, never a line each', async () => {
		// a server of this test's own: it is closed here, to see the counts it writes on its way out
		const server = await startServer({ store: await embeddedStore(), limits: { socketsPerAddress: 3, connectionsPerMinutePerAddress: 1000 } });
		const held: Awaited<ReturnType<typeof bareSocket>>[] = [];
		const refused = (code: string) => server.log.lines.filter((l) => l.includes('"socket.refused"') && l.includes(`"code":"${code}"`));
		try {
			const keys = await createGroup(server.url);
			const wrong = { groupId: keys.groupId, key: 'A'.repeat(43), protocol: PROTOCOL_VERSION };
			for (let i = 0; i < 30; i++) expect((await connectRefused(server.url, wrong)).data).toMatchObject({ code: 'forbidden' });
			held.push(...(await Promise.all(Array.from({ length: 3 }, () => bareSocket(server.url)))));
			for (let i = 0; i < 30; i++) expect((await bareSocket(server.url)).open).toBe(false);
			expect(refused('forbidden')).toHaveLength(1);
			expect(refused('too_many_sockets')).toHaveLength(1);
		} finally {
			for (const s of held) s.ws.close();
			await server.close();
		}
		// on shutdown the counts so far are written: one more line each, with the rest counted
		expect(refused('forbidden').map((l) => JSON.parse(l).count)).toEqual([undefined, 29]);
		expect(refused('too_many_sockets').map((l) => JSON.parse(l).count)).toEqual([undefined, 29]);
	});

});
