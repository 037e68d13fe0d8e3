/**
 * The projector: fits one screen, pairs only through its own link, survives a reload, ignores stale
 * snapshots and fails closed when it loses the server.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	CONTROLS,
	MONDAY,
	VIEWPORT,
	createGroup,
	expectFitsOneScreen,
	expectFitted,
	expectSettled,
	openDevices,
	sendWithLink,
	typeAndEnter,
	watchText,
	type Devices
} from './helpers.ts';
import { relaySocket, snapshotOf, stateFrame, type SocketRelay } from './socket-relay.ts';

let devices: Devices | undefined;

test.afterEach(async () => {
	await devices?.close();
	devices = undefined;
});

async function startWithSpeaker(remote: Page, name: string) {
	await remote.getByTestId('session-start').tap();
	await remote.getByLabel('Name, as given').fill(name);
	await remote.getByRole('button', { name: 'Set speaker' }).tap();
}

test('[R24] the display fits one screen with no scrolling at 1920x1080 and 1280x720, however much the board holds', async ({
	browser,
	request
}) => {
	devices = await openDevices(browser, await createGroup(request, 'Monday drop-in, the Tenderloin ' + 'very long name '.repeat(10)));
	const { display, remote, desk } = devices;
	await startWithSpeaker(remote, 'Casey ' + 'with a name given in full '.repeat(7));

	const queueName = desk.getByLabel('Name to add');
	const queue = [...MONDAY, ...MONDAY.map((name) => `${name} again`), ...Array.from({ length: 12 }, (_, i) => `Guest ${i + 1}`)];
	for (const name of queue) await typeAndEnter(queueName, name);

	await typeAndEnter(desk.getByLabel('Board title'), 'Speed: what it gives me and what it costs me, '.repeat(5).trim());
	const item = desk.getByLabel(/^New item for/);
	const left = Array.from({ length: 40 }, (_, i) => `Good thing ${i + 1}: helps me clean the apartment and keep going`);
	for (const text of left) await typeAndEnter(item, text);
	await item.press('Control+.');
	const right = ['x'.repeat(1000), ...Array.from({ length: 11 }, (_, i) => `Not-so-good thing ${i + 1}`)];
	for (const text of right) await typeAndEnter(item, text);
	await expectSettled(desk);
	await expect(display.getByTestId('items-left').locator('li')).toHaveCount(40);
	await expect(display.getByTestId('items-right').locator('li')).toHaveCount(12);

	for (const viewport of [VIEWPORT.projector, VIEWPORT.smallProjector]) {
		await test.step(`at ${viewport.width}x${viewport.height}`, async () => {
			await display.setViewportSize(viewport);
			await expectFitsOneScreen(display);
			await expectFitted(display, 'items-left', left.length, true);
			await expectFitted(display, 'queue', queue.length, true);
			await expect(display.getByTestId('permission')).toBeInViewport({ ratio: 1 });
			await expect(display.locator(CONTROLS)).toHaveCount(0);
		});
	}
});

test('[R24] a reload of the display reconnects from storage, and the address bar never shows the key', async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request));
	const { display, remote } = devices;
	expect(new URL(display.url()).hash).toBe('');
	await expect(display).toHaveURL(/\/display$/);

	await startWithSpeaker(remote, 'Kellie');
	await expect(display.getByTestId('speaker')).toHaveText('Kellie');

	await display.reload();
	await expect(display.getByTestId('speaker')).toHaveText('Kellie');
	expect(display.url()).not.toContain('key=');
	await expect(display.getByTestId('not-paired')).toHaveCount(0);
});

test('[R25] a display link with a wrong key, or none, shows "not paired" and nothing of the group', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group);
	await startWithSpeaker(devices.remote, 'Vaughn');
	await expect(devices.display.getByTestId('speaker')).toHaveText('Vaughn');

	const context = await browser.newContext({ viewport: VIEWPORT.projector });
	try {
		const stranger = await context.newPage();
		const path = new URL(group.links.display).pathname;
		for (const link of [`${path}#key=not-the-right-key`, path]) {
			await stranger.goto(link);
			await expect(stranger.getByTestId('not-paired')).toHaveText(
				'This screen is not paired with a group. Open the display link again.'
			);
			const text = await stranger.locator('body').innerText();
			for (const secret of ['Vaughn', 'Monday drop-in']) expect(text).not.toContain(secret);
			await expect(stranger.locator(CONTROLS)).toHaveCount(0);
			expect(stranger.url()).not.toContain('key=');
		}
	} finally {
		await context.close();
	}
});

test('[R23] the display ignores a snapshot older than the one it shows', async ({ browser, request }) => {
	let relay!: SocketRelay;
	devices = await openDevices(browser, await createGroup(request), { display: async (page) => (relay = await relaySocket(page)) });
	const { display, remote } = devices;
	const speaker = display.getByTestId('speaker');
	await startWithSpeaker(remote, 'Casey');
	await expect(speaker).toHaveText('Casey');
	await remote.getByLabel('Name, as given').fill('Tasha');
	await remote.getByRole('button', { name: 'Set speaker' }).tap();
	await expect(speaker).toHaveText('Tasha');

	// Replay Casey's snapshot late, then a newer one whose arrival shows the late one was handled.
	const seenSpeakers = await watchText(display, 'speaker');
	const frames = relay.stateFrames.map(snapshotOf);
	const late = frames.findLast((s) => JSON.stringify(s).includes('"Casey"'))!;
	const newest = frames.at(-1)!;
	relay.deliver(stateFrame(late));
	relay.deliver(stateFrame({ ...newest, version: newest.version + 1, group: { ...(newest.group as object), name: 'Marker' } }));
	await expect(display.getByText('Marker')).toBeVisible();
	await expect(speaker).toHaveText('Tasha');
	expect(await seenSpeakers()).not.toContain('Casey');
});

test('[R28][R2] the display fails closed after ~3 s without the server, and shows the room again only from a fresh snapshot', async ({
	browser,
	request
}) => {
	let relay!: SocketRelay;
	devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'), {
		display: async (page) => (relay = await relaySocket(page))
	});
	const { display, remote } = devices;
	const screen = display.getByTestId('display');
	await startWithSpeaker(remote, 'Casey');
	await expect(display.getByTestId('speaker')).toHaveText('Casey');

	relay.cut();
	await expect(display.getByTestId('reconnecting')).toBeVisible();
	await expect(screen).toHaveAttribute('data-shown', 'closed');
	const closedText = await display.locator('body').innerText();
	for (const secret of ['Casey', 'Monday drop-in', 'Speaking now']) expect(closedText).not.toContain(secret);
	await expect(display.getByTestId('welcome')).toContainText('Welcome');
	const seenSpeakers = await watchText(display, 'speaker');

	// While the projector is away the group moves on; it must come back to now, not to Casey.
	await remote.getByLabel('Name, as given').fill('Kurt');
	await remote.getByRole('button', { name: 'Set speaker' }).tap();
	await expectSettled(remote);
	relay.restore();
	await expect(display.getByTestId('speaker')).toHaveText('Kurt', { timeout: 15_000 });
	await expect(display.getByTestId('reconnecting')).toHaveCount(0);
	expect(new Set(await seenSpeakers()), 'nothing from before the outage reappears, even for a frame').toEqual(new Set(['Kurt']));

	expect(relay.emitted, 'the display never emits a command').toEqual([]);
});

test('[R28] a projector whose browser goes offline hides the room within seconds, and shows it again when back', async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'));
	const { display, remote } = devices;
	await startWithSpeaker(remote, 'Casey');
	await expect(display.getByTestId('speaker')).toHaveText('Casey');
	// the link counts as lost when the browser says so, not after the heartbeat's 45 s
	await display.context().setOffline(true);
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'closed', { timeout: 8000 });
	await expect(display.locator('body')).not.toContainText('Casey');
	await display.context().setOffline(false);
	await expect(display.getByTestId('speaker')).toHaveText('Casey', { timeout: 15_000 });
});

test('[R34] behind the privacy screen the display shows the neutral welcome, without the group name', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group);
	const { display, remote } = devices;
	await startWithSpeaker(remote, 'Franco');
	await expect(display.getByTestId('speaker')).toHaveText('Franco');

	expect(await sendWithLink(group.links.desk, { type: 'privacy.blank', on: true })).toMatchObject({ ok: true });
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'privacy');
	await expect(display.getByTestId('welcome')).toHaveText(/^\s*Welcome\s+Everyone welcome, come as you are\s*$/);
	const text = await display.locator('body').innerText();
	for (const secret of ['Franco', 'Monday drop-in', 'Speaking now']) expect(text).not.toContain(secret);

	expect(await sendWithLink(group.links.desk, { type: 'privacy.blank', on: false })).toMatchObject({ ok: true });
	await expect(display.getByTestId('speaker')).toHaveText('Franco');
});

test('[R24] the scene takes its sizes from its own box, not the window, so a preview shows it whole at any size', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group);
	const { display } = devices;
	expect(await sendWithLink(group.links.desk, { type: 'group.setLanguage', language: 'en+es' })).toMatchObject({ ok: true });
	await startWithSpeaker(devices.remote, 'Casey');
	for (const name of MONDAY.slice(1, 5)) await typeAndEnter(devices.remote.getByLabel('Name to add'), name);
	await expect(display.getByTestId('queue').locator('li')).toHaveCount(4);

	// the projector's own box, shrunk to a phone's preview inside a full-size window
	await display.getByTestId('display').evaluate((el: HTMLElement) => Object.assign(el.style, { inset: 'auto', width: '480px', height: '270px' }));
	const BOX_HEIGHT = 270;
	await expect(async () => {
		const sizes = await display.getByTestId('display').evaluate((box) => {
			const limit = box.getBoundingClientRect();
			const texts: { text: string; size: number; inside: boolean }[] = [];
			const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const el = node.parentElement!;
				if (!node.textContent?.trim() || el.closest('.visually-hidden') || getComputedStyle(el).visibility !== 'visible') continue;
				const r = el.getBoundingClientRect();
				const inside = r.top >= limit.top - 0.5 && r.bottom <= limit.bottom + 0.5 && r.left >= limit.left - 0.5 && r.right <= limit.right + 0.5;
				texts.push({ text: node.textContent.trim(), size: parseFloat(getComputedStyle(el).fontSize), inside });
			}
			return { texts, name: parseFloat(getComputedStyle(box.querySelector('[data-testid="speaker"]')!).fontSize) };
		});
		expect(sizes.name / BOX_HEIGHT, "the speaker's name is 6% of the box's height or more, and no bigger than the box allows").toBeGreaterThanOrEqual(0.06);
		expect(sizes.name / BOX_HEIGHT).toBeLessThan(0.2);
		expect(sizes.texts.filter((t) => t.size < 0.03 * BOX_HEIGHT - 0.01 || t.size > 0.2 * BOX_HEIGHT)).toEqual([]);
		expect(sizes.texts.filter((t) => !t.inside)).toEqual([]);
		expect(sizes.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['Speaking now', 'Habla ahora', 'Casey', 'Kurt']));
	}).toPass();
	await expect(display.getByTestId('queue').locator('li:not([aria-hidden="true"])')).toHaveCount(4);
});
