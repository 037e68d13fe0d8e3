import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { parseShortCode } from '../../server/codes/short-code.ts';
import { fromBase64url, toBase64url } from '../../src/lib/crypto/base64url.ts';
import { newKeyPair, unwrapGroupKey, wrapGroupKey } from '../../src/lib/crypto/key-wrap.ts';
import { newGroupKey } from '../../src/lib/crypto/text-cipher.ts';
import { connectClient, connectRefused, createGroup, startServer, type Client, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore() });
});
afterAll(() => server.close());

const post = async (path: string, body: unknown) => {
	const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: res.status, body: await res.json() };
};

/** What a projector with no credential does: ask for a code to show. */
const startPairing = async () => (await post('/api/pairings', {})).body as { code: string; token: string; expiresAt: number; pollIntervalMs: number };
const poll = async (code: string, token: string) => (await post('/api/pairings/poll', { code, token })).body;

/** Changes one character of a code's secret half. */
const wrongCode = (code: string, n = 0) => {
	const chars = code.split('');
	chars[5 + (n % 4)] = chars[5 + (n % 4)] === '2' ? '3' : '2';
	return chars.join('');
};

async function groupWithRemote(): Promise<{ keys: Awaited<ReturnType<typeof createGroup>>; remote: Client }> {
	const keys = await createGroup(server.url);
	return { keys, remote: await connectClient(server.url, { groupId: keys.groupId, key: keys.remote }) };
}

describe('projector pairing by code', () => {
	it('[R43] happy path: code shown, typed on the remote, the display gets a read-only credential', async () => {
		const { keys, remote } = await groupWithRemote();
		const pairing = await startPairing();
		expect(pairing.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		expect(parseShortCode(pairing.code)).not.toBeNull();
		expect(await poll(pairing.code, pairing.token)).toEqual({ status: 'pending' });

		// typed by a person: lower case, no dash, spaces
		const typed = ` ${pairing.code.replace('-', ' ').toLowerCase()} `;
		const ack = await remote.send({ id: 'p1', type: 'device.pair', code: typed, label: 'Room 3 projector' });
		expect(ack).toEqual({ ok: true, version: 2, paired: { publicKey: null } });
		// approved only once the approving device has handed over the group key (here: it has none)
		expect(await poll(pairing.code, pairing.token)).toEqual({ status: 'pending' });
		expect(await remote.send({ id: 'p1k', type: 'pairing.deliverKey', code: typed, wrappedKey: null })).toEqual({ ok: true, version: 2 });
		const listed = await remote.waitFor((s) => s.devices.some((d) => d.label === 'Room 3 projector'));
		expect(listed.devices.find((d) => d.label === 'Room 3 projector')!.role).toBe('display');

		expect(await poll(pairing.code, pairing.token)).toEqual({ status: 'approved', groupId: keys.groupId, wrappedKey: null });
		expect(await poll(pairing.code, pairing.token)).toEqual({ status: 'expired' }); // told once
		const display = await connectClient(server.url, { groupId: keys.groupId, key: pairing.token });
		expect(display.latest().groupId).toBe(keys.groupId);
		expect(display.latest().devices).toEqual([]); // a display never sees the device list
		expect(await display.send({ id: 'p2', type: 'session.start' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		for (const c of [remote, display]) c.close();
	});

	it('[R43] a used, wrong or made-up code gets one and the same refusal', async () => {
		const { remote } = await groupWithRemote();
		const pairing = await startPairing();
		await remote.send({ id: 'u1', type: 'device.pair', code: pairing.code, label: 'Projector' });
		const answers = await Promise.all(
			[pairing.code, wrongCode((await startPairing()).code), 'ZZZZ-ZZZZ', 'not a code'].map((code, i) =>
				remote.send({ id: `u${i + 2}`, type: 'device.pair', code, label: 'Projector' })
			)
		);
		for (const ack of answers) expect(ack).toEqual(answers[0]);
		expect(answers[0]).toMatchObject({ ok: false, error: { code: 'code_refused' } });
		remote.close();
	});

	it('[R43] a code is burnt after 5 wrong tries: even the right one fails then', async () => {
		const { remote } = await groupWithRemote();
		const pairing = await startPairing();
		for (let i = 0; i < 5; i++) await remote.send({ id: `w${i}`, type: 'device.pair', code: wrongCode(pairing.code, i), label: 'X' });
		expect(await remote.send({ id: 'w9', type: 'device.pair', code: pairing.code, label: 'X' })).toMatchObject({ ok: false, error: { code: 'code_refused' } });
		expect(await poll(pairing.code, pairing.token)).toEqual({ status: 'expired' });
		remote.close();
	});

	it('[R43] an expired code fails', async () => {
		let now = Date.now();
		const timed = await startServer({ store: await embeddedStore(), now: () => now });
		const keys = await createGroup(timed.url);
		const remote = await connectClient(timed.url, { groupId: keys.groupId, key: keys.remote });
		const res = await fetch(`${timed.url}/api/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		const pairing = await res.json();
		expect(pairing.expiresAt - now).toBe(600_000);
		now += 600_001;
		expect(await remote.send({ id: 'e0', type: 'device.pair', code: pairing.code, label: 'X' })).toMatchObject({ error: { code: 'code_refused' } });
		remote.close();
		await timed.close();
	});

	it('[R43] a poll with the wrong token learns nothing', async () => {
		const pairing = await startPairing();
		expect(await poll(pairing.code, 'not-the-token')).toEqual({ status: 'expired' });
		expect(await poll('ZZZZ-ZZZZ', pairing.token)).toEqual({ status: 'expired' });
	});
});

describe('facilitator invites', () => {
	it('[R44] a one-time invite code gives a second facilitator device its own credential', async () => {
		const { keys, remote } = await groupWithRemote();
		const ack = await remote.send({ id: 'i1', type: 'invite.create', label: "Kim's laptop" });
		expect(ack).toMatchObject({ ok: true, invite: { code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) } });
		const code = ack.ok ? ack.invite!.code : '';
		expect((await remote.waitFor((s) => s.invites.length === 1)).invites[0].label).toBe("Kim's laptop");

		const redeemed = await post('/api/invites/redeem', { code });
		expect(redeemed.status).toBe(201);
		expect(redeemed.body.groupId).toBe(keys.groupId);
		const key = decodeURIComponent(new URL(redeemed.body.links.desk).hash.slice('#key='.length));
		const kim = await connectClient(server.url, { groupId: keys.groupId, key });
		expect(await kim.send({ id: 'k1', type: 'session.start' })).toMatchObject({ ok: true });
		const after = await remote.waitFor((s) => s.devices.some((d) => d.label === "Kim's laptop") && s.invites.length === 0);
		expect(after.devices.filter((d) => d.role === 'facilitator')).toHaveLength(3);

		expect((await post('/api/invites/redeem', { code })).body.error.code).toBe('code_refused'); // one time only
		for (const c of [remote, kim]) c.close();
	});

	it('[R44] a cancelled invite cannot be redeemed', async () => {
		const { remote } = await groupWithRemote();
		const ack = await remote.send({ id: 'c1', type: 'invite.create', label: 'Spare phone' });
		const pending = await remote.waitFor((s) => s.invites.length === 1);
		await remote.send({ id: 'c2', type: 'invite.cancel', inviteId: pending.invites[0].id });
		const redeemed = await post('/api/invites/redeem', { code: ack.ok ? ack.invite!.code : '' });
		expect(redeemed.body.error.code).toBe('code_refused');
		remote.close();
	});
});

describe('revocation', () => {
	it('[R42] a revoked device is told, disconnected at once, and cannot come back', async () => {
		const { keys, remote } = await groupWithRemote();
		const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		const projector = remote.latest().devices.find((d) => d.role === 'display')!;
		const told = new Promise<void>((resolve) => display.socket.once('revoked', () => resolve()));
		const gone = new Promise<void>((resolve) => display.socket.once('disconnect', () => resolve()));
		expect(await remote.send({ id: 'r1', type: 'device.revoke', deviceId: projector.id })).toMatchObject({ ok: true });
		await told;
		await gone;
		const refused = await connectRefused(server.url, { groupId: keys.groupId, key: keys.display });
		expect(refused.data).toMatchObject({ code: 'forbidden' });
		remote.close();
	});

	it('[R42] a device revoked while it was away cannot come back either', async () => {
		const { keys, remote } = await groupWithRemote();
		const deskDevice = remote.latest().devices.find((d) => d.label.includes('laptop'))!;
		await remote.send({ id: 'r2', type: 'device.revoke', deviceId: deskDevice.id });
		expect((await connectRefused(server.url, { groupId: keys.groupId, key: keys.desk })).data).toMatchObject({ code: 'forbidden' });
		remote.close();
	});

	it('[R42] the last facilitator device cannot be revoked', async () => {
		const { remote } = await groupWithRemote();
		const [phone, laptop] = remote.latest().devices.filter((d) => d.role === 'facilitator');
		expect(await remote.send({ id: 'l1', type: 'device.revoke', deviceId: laptop.id })).toMatchObject({ ok: true });
		expect(await remote.send({ id: 'l2', type: 'device.revoke', deviceId: phone.id })).toMatchObject({ ok: false, error: { code: 'last_facilitator' } });
		remote.close();
	});
});

describe('the group key reaches new devices, and only as ciphertext', () => {
	it('[R48] pairing delivers a working key: wrapped for the projector, relayed by the server', async () => {
		const { keys, remote } = await groupWithRemote();
		const groupKey = newGroupKey();
		const projector = newKeyPair();
		const pairing = (await post('/api/pairings', { publicKey: toBase64url(projector.publicKey) })).body;
		const ack = await remote.send({ id: 'k1', type: 'device.pair', code: pairing.code, label: 'Room 3 projector' });
		if (!ack.ok || !ack.paired?.publicKey) throw new Error('no public key in the ack');
		const wrappedKey = wrapGroupKey(groupKey, fromBase64url(ack.paired.publicKey), keys.groupId);
		expect(await remote.send({ id: 'k2', type: 'pairing.deliverKey', code: pairing.code, wrappedKey })).toMatchObject({ ok: true });
		const answer = await poll(pairing.code, pairing.token);
		expect(answer).toMatchObject({ status: 'approved', groupId: keys.groupId });
		expect(unwrapGroupKey(answer.wrappedKey, projector, keys.groupId)).toEqual(groupKey);
		// another group's facilitator cannot deliver a key for this code
		const other = await groupWithRemote();
		expect(await other.remote.send({ id: 'k3', type: 'pairing.deliverKey', code: pairing.code, wrappedKey })).toMatchObject({ ok: false, error: { code: 'code_refused' } });
		for (const c of [remote, other.remote]) c.close();
	});

	it('[R48] an invited facilitator device gets the key from a facilitator device that has it', async () => {
		const { keys, remote } = await groupWithRemote();
		const groupKey = newGroupKey();
		const laptop = newKeyPair();
		const invite = await remote.send({ id: 'j1', type: 'invite.create', label: "Kim's laptop" });
		const redeemed = (await post('/api/invites/redeem', { code: invite.ok ? invite.invite!.code : '', publicKey: toBase64url(laptop.publicKey) })).body;
		const waiting = await remote.waitFor((s) => s.devices.some((d) => d.id === redeemed.deviceId && d.publicKey !== null));
		const device = waiting.devices.find((d) => d.id === redeemed.deviceId)!;
		const wrappedKey = wrapGroupKey(groupKey, fromBase64url(device.publicKey!), keys.groupId);
		expect(await remote.send({ id: 'j2', type: 'device.deliverKey', deviceId: device.id, wrappedKey })).toMatchObject({ ok: true });
		expect(await remote.send({ id: 'j3', type: 'device.deliverKey', deviceId: device.id, wrappedKey })).toMatchObject({ ok: false, error: { code: 'not_found' } });

		const kimKey = decodeURIComponent(new URL(redeemed.links.desk).hash.slice('#key='.length));
		const kim = await connectClient(server.url, { groupId: keys.groupId, key: kimKey });
		const mine = kim.latest().devices.find((d) => d.id === redeemed.deviceId)!;
		expect(unwrapGroupKey(mine.wrappedKey!, laptop, keys.groupId)).toEqual(groupKey);
		for (const c of [remote, kim]) c.close();
	});

	it('refuses a malformed public key', async () => {
		expect((await post('/api/pairings', { publicKey: 'not-a-key' })).status).toBe(400);
	});
});
