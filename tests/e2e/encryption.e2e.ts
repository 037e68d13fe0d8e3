/**
 * End-to-end encryption, end to end [R49]: a group made on the home page, its texts typed through
 * every text field (on the desk, and by a facilitator client holding the group key), while Redis
 * MONITOR records every command and the server logs to a file. No canary reaches either; the
 * projector shows every canary as typed.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from 'redis';
import { io } from 'socket.io-client';
import { decodeKey } from '../../src/lib/client/group-key.ts';
import { RoomCipher } from '../../src/lib/crypto/room-cipher.ts';
import { PROTOCOL_VERSION, type Command, type CommandAck, type CommandInput } from '../../src/lib/protocol/protocol.ts';
import { VIEWPORT, expectConnected, local } from './helpers.ts';

const canary = (field: string) => `CANARY${field}x7`;

test('[R49] no typed text reaches Redis or the server log; the display shows every one', async ({ browser, page, baseURL }) => {
	const redisUrl = process.env.TEST_REDIS_URL;
	expect(redisUrl, 'npm test runs the browser tests against a Redis (TEST_REDIS_URL)').toBeTruthy();
	const monitor = createClient({ url: redisUrl });
	monitor.on('error', () => {});
	await monitor.connect();
	const recorded: string[] = [];
	await monitor.monitor((line) => recorded.push(line));

	// the facilitator makes the group on the home page: the key is made there, never sent
	await page.goto('/');
	await page.getByLabel('Group name').fill(canary('Group'));
	await page.getByRole('button', { name: 'Create group' }).click();
	const display = await page.getByRole('textbox', { name: /^Display link/ }).inputValue();
	const remote = await page.getByRole('textbox', { name: /^Remote link/ }).inputValue();
	const desk = await page.getByRole('textbox', { name: /^Desk link/ }).inputValue();
	const fragment = new URLSearchParams(new URL(remote).hash.slice(1));
	expect(fragment.get('k'), 'the links carry the group key').toMatch(/^[\w-]{43}$/);

	const projectorContext = await browser.newContext({ viewport: VIEWPORT.projector });
	const projector = await projectorContext.newPage();
	await projector.goto(local(display));
	await expect(projector.getByTestId('group-name')).toHaveText(canary('Group'));

	// a facilitator client with the key, sealing exactly as the pages do
	const groupId = new URL(remote).pathname.split('/')[2];
	const cipher = new RoomCipher(groupId, decodeKey(fragment.get('k')!));
	const socket = io(baseURL!, { transports: ['websocket'], auth: { groupId, key: fragment.get('key'), protocol: PROTOCOL_VERSION } });
	await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
	let n = 0;
	// generous: Redis MONITOR slows every command of the machine's other tests too
	const send = async (input: CommandInput) => {
		const ack: CommandAck = await socket.timeout(15_000).emitWithAck('command', await cipher.seal({ ...input, id: `enc${n++}` } as Command));
		expect(ack, input.type).toMatchObject({ ok: true });
	};
	await send({ type: 'group.setOpeningWords', text: canary('Opening') });
	await send({ type: 'group.setAgreements', agreements: [canary('Agreement')] });
	await send({ type: 'topics.add', text: canary('Topic') });
	await send({ type: 'session.start' });
	await send({ type: 'speaker.set', name: canary('Speaker') });
	await send({ type: 'queue.add', name: canary('Queue') });
	await send({ type: 'parkingLot.add', text: canary('Parking') });
	await send({ type: 'board.addDraft', column: 'right', text: canary('Draft') });

	// and the co-facilitator types on the desk
	const deskContext = await browser.newContext({ viewport: VIEWPORT.laptop });
	const deskPage = await deskContext.newPage();
	await deskPage.goto(local(desk));
	await expectConnected(deskPage);
	await deskPage.getByLabel('Board title').fill(canary('Title'));
	await deskPage.getByLabel('Board title').press('Enter');
	await deskPage.getByLabel(/^New item for/).fill(canary('Item'));
	await deskPage.getByLabel(/^New item for/).press('Enter');
	await deskPage.getByLabel(/^Heading of the "Not-so-good things" column/).fill(canary('Heading'));
	await deskPage.getByLabel(/^Heading of the "Not-so-good things" column/).press('Enter');

	for (const shown of ['Speaker', 'Queue', 'Title', 'Item', 'Heading', 'Parking']) await expect(projector.getByText(canary(shown))).toBeVisible();
	await expect(projector.getByText(canary('Draft'))).toHaveCount(0);
	await expect(deskPage.getByText(canary('Draft'))).toBeVisible();
	await expect(deskPage.getByText(canary('Topic')).first()).toBeVisible();
	// the agreements, put back up for a moment, open on the projector too
	await send({ type: 'agreements.show', on: true });
	await expect(projector.getByText(canary('Agreement'))).toBeVisible();
	await send({ type: 'agreements.show', on: false });

	await send({ type: 'session.end' });
	await expect(projector.getByText(canary('Speaker'))).toHaveCount(0);
	socket.close();
	await monitor.close();

	const redisTraffic = recorded.join('\n');
	expect(redisTraffic).toContain(groupId); // MONITOR did record this group's writes
	expect(redisTraffic).not.toContain('CANARY');
	expect(readFileSync(resolve('.test-output/e2e-server.log'), 'utf8')).not.toContain('CANARY');
	await projectorContext.close();
	await deskContext.close();
});

/** A group made on the home page, as a facilitator makes it: its links carry the group key. */
async function sealedGroup(browser: import('@playwright/test').Browser, name: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/');
	await page.getByLabel('Group name').fill(name);
	await page.getByRole('button', { name: 'Create group' }).click();
	const link = (label: string) => page.getByRole('textbox', { name: new RegExp(`^${label} link`) }).inputValue();
	const links = { display: await link('Display'), remote: await link('Remote'), desk: await link('Desk') };
	await context.close();
	return links;
}

test('[R48][R49] a projector paired by code gets a working key; one without the key says it cannot read the group', async ({ browser }) => {
	const links = await sealedGroup(browser, 'Wednesday group');
	const phoneContext = await browser.newContext({ viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true });
	const projectorContext = await browser.newContext({ viewport: VIEWPORT.projector });
	const keylessContext = await browser.newContext({ viewport: VIEWPORT.projector });
	try {
		const phone = await phoneContext.newPage();
		await phone.goto(local(links.remote));
		await expectConnected(phone);

		const projector = await projectorContext.newPage();
		await projector.goto('/display');
		const code = (await projector.getByTestId('pairing-code').textContent())!;
		await phone.getByTestId('devices').locator('summary').tap();
		await phone.getByLabel('Code on the projector').fill(code);
		await phone.getByRole('button', { name: 'Pair', exact: true }).tap();
		await expect(projector.getByTestId('group-name')).toHaveText('Wednesday group');

		// the display link without its `&k=`: the screen never shows ciphertext
		const keyless = await keylessContext.newPage();
		await keyless.goto(local(links.display).replace(/&k=[\w-]+$/, ''));
		await expect(keyless.getByTestId('not-paired')).toHaveText("This screen can't read the group: pair it again.");
		await expect(keyless.locator('body')).not.toContainText('e1.');
	} finally {
		for (const c of [phoneContext, projectorContext, keylessContext]) await c.close();
	}
});

test('[R48] a co-facilitator invited by code receives the key from the phone and reads the group', async ({ browser }) => {
	const links = await sealedGroup(browser, 'Friday group');
	const phoneContext = await browser.newContext({ viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true });
	const laptopContext = await browser.newContext({ viewport: VIEWPORT.laptop });
	try {
		const phone = await phoneContext.newPage();
		await phone.goto(local(links.remote));
		await expectConnected(phone);
		await phone.getByTestId('devices').locator('summary').tap();
		await phone.getByLabel('Whose device?').fill("Kim's laptop");
		await phone.getByRole('button', { name: 'Make invite code' }).tap();
		const code = (await phone.getByTestId('invite-code').textContent())!;

		const laptop = await laptopContext.newPage();
		await laptop.goto('/join');
		await laptop.getByLabel('Invite code').fill(code);
		await laptop.getByLabel('a laptop (desk)').check();
		await laptop.getByRole('button', { name: 'Join' }).click();
		await expectConnected(laptop);
		await expect(laptop.getByRole('heading', { level: 1 })).toContainText('Friday group');
	} finally {
		for (const c of [phoneContext, laptopContext]) await c.close();
	}
});

test('a page without WebCrypto (plain http on a LAN address) loads the library on first use, and only there', async ({ browser }) => {
	const links = await sealedGroup(browser, 'Thursday group');
	const insecure = async (options: import('@playwright/test').BrowserContextOptions) => {
		const context = await browser.newContext(options);
		// what a browser gives a page that is not a secure context: getRandomValues, no subtle
		await context.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined, configurable: true }));
		return context;
	};
	const scripts = (page: import('@playwright/test').Page) => {
		const loaded = new Set<string>();
		page.on('request', (r) => void (r.resourceType() === 'script' && loaded.add(new URL(r.url()).pathname)));
		return loaded;
	};
	const phoneContext = await insecure({ viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true });
	const plainHttpProjector = await insecure({ viewport: VIEWPORT.projector });
	const projectorContext = await browser.newContext({ viewport: VIEWPORT.projector });
	try {
		const projector = await projectorContext.newPage();
		const secureScripts = scripts(projector);
		await projector.goto(local(links.display));
		const fallback = await plainHttpProjector.newPage();
		const fallbackScripts = scripts(fallback);
		await fallback.goto(local(links.display));
		for (const screen of [projector, fallback]) await expect(screen.getByTestId('group-name')).toHaveText('Thursday group');

		const phone = await phoneContext.newPage();
		await phone.goto(local(links.remote));
		await expectConnected(phone);
		await phone.getByTestId('session-start').tap();
		await phone.getByLabel('Name, as given').fill('Casey');
		await phone.getByRole('button', { name: 'Set speaker' }).tap();
		for (const screen of [projector, fallback]) await expect(screen.getByTestId('speaker')).toHaveText('Casey');
		await expect(phone.locator('body')).not.toContainText('e1.');

		const onlyWithout = [...fallbackScripts].filter((s) => !secureScripts.has(s));
		expect(onlyWithout.length, 'the library is loaded where WebCrypto is missing').toBeGreaterThan(0);
		expect([...secureScripts].filter((s) => !fallbackScripts.has(s)), 'and nothing more is loaded where it is not').toEqual([]);
	} finally {
		for (const c of [phoneContext, plainHttpProjector, projectorContext]) await c.close();
	}
});
