/**
 * Projector craft: the display fits any common projector without scrolling, in one language or two,
 * with the speaker's name big enough to read from the back of the room; its one control, the
 * fullscreen button, shows only while the mouse moves.
 */
import { expect, test } from '@playwright/test';
import type { CommandInput } from '../../src/lib/protocol/protocol.ts';
import { CONTROLS, MONDAY, createGroup, expectFitsOneScreen, expectFitted, openDevices, sendAllWithLink, sendWithLink, snapshot, type Devices } from './helpers.ts';
import { relaySocket, type SocketRelay } from './socket-relay.ts';

const SIZES = [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 },
	{ width: 3840, height: 2160 }
] as const;

let devices: Devices | undefined;

test.afterEach(async () => {
	await devices?.close();
	devices = undefined;
});

test('[R24][R26] the display fits 1024x768, 1280x720, 1920x1080 and 3840x2160 with a crowded board and parking lot, in one language or two', async ({
	browser,
	request
}, testInfo) => {
	const group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group);
	const { display } = devices;
	const queue = [...MONDAY, ...MONDAY.map((name) => `${name} again`), 'Guest with a long name given in full'];
	const parked = Array.from({ length: 12 }, (_, i) => `Parked topic ${i + 1}: medical marijuana and what it does for sleep`);
	const left = Array.from({ length: 40 }, (_, i) => `Good thing ${i + 1}: helps me clean the apartment and keep going`);
	const right = ['x'.repeat(1000), ...Array.from({ length: 11 }, (_, i) => `Not-so-good thing ${i + 1}`)];
	await sendAllWithLink(group.links.remote, [
		{ type: 'session.start' },
		{ type: 'speaker.set', name: 'Casey' },
		{ type: 'feedback.set', permission: 'granted' },
		...queue.map((name): CommandInput => ({ type: 'queue.add', name })),
		...parked.map((text): CommandInput => ({ type: 'parkingLot.add', text }))
	]);
	await sendAllWithLink(group.links.desk, [
		{ type: 'board.setTitle', title: 'Speed: what it gives me and what it costs me' },
		...left.map((text): CommandInput => ({ type: 'board.addItem', column: 'left', text })),
		...right.map((text): CommandInput => ({ type: 'board.addItem', column: 'right', text }))
	]);
	await expect(display.getByTestId('items-left').locator('li')).toHaveCount(left.length);
	await expect(display.getByTestId('parking-items').locator('li')).toHaveCount(parked.length);

	for (const language of ['en', 'en+es'] as const) {
		expect(await sendWithLink(group.links.desk, { type: 'group.setLanguage', language })).toMatchObject({ ok: true });
		await expect(display.locator('html')).toHaveAttribute('lang', 'en');
		await expect(display.getByTestId('speaker').locator('xpath=..').getByRole('heading')).toHaveText(
			language === 'en' ? 'Speaking now' : /Speaking now\s*Habla ahora/
		);
		for (const size of SIZES) {
			await test.step(`${language} at ${size.width}x${size.height}`, async () => {
				await display.setViewportSize(size);
				await expectFitsOneScreen(display);
				await expectFitted(display, 'items-left', left.length);
				await expectFitted(display, 'items-right', right.length);
				await expectFitted(display, 'queue', queue.length);
				await expectFitted(display, 'parking-items', parked.length);
				await expect(display.getByTestId('permission')).toBeInViewport({ ratio: 1 });
				await expect(display.getByTestId('board-title')).toBeInViewport({ ratio: 1 });
				const nameHeight = await display.getByTestId('speaker').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
				expect(nameHeight / size.height, "the speaker's name is at least 6% of the screen's height").toBeGreaterThanOrEqual(0.06);
				await expect(display.locator(CONTROLS)).toHaveCount(0);
				await snapshot(display, testInfo, `crowded-${language}-${size.width}x${size.height}`);
			});
		}
	}

	await test.step('the agreements and the welcome fit the smallest and the largest screen too, in two languages', async () => {
		expect(await sendWithLink(group.links.desk, { type: 'agreements.show', on: true })).toMatchObject({ ok: true });
		for (const size of [SIZES[0], SIZES[3]]) {
			await display.setViewportSize(size);
			await expect(display.getByTestId('agreements')).toContainText('Pidan permiso antes de dar comentarios');
			await expectFitsOneScreen(display);
			await expect(display.getByTestId('agreements').locator('li').last()).toBeInViewport({ ratio: 1 });
			await snapshot(display, testInfo, `agreements-en+es-${size.width}x${size.height}`);
		}
		expect(await sendWithLink(group.links.desk, { type: 'session.end' })).toMatchObject({ ok: true });
		for (const size of [SIZES[0], SIZES[3]]) {
			await display.setViewportSize(size);
			await expect(display.getByTestId('welcome')).toContainText('Bienvenidos');
			await expectFitsOneScreen(display);
			await snapshot(display, testInfo, `welcome-en+es-${size.width}x${size.height}`);
		}
	});
});

test('[R24][R2] the fullscreen button is the only control the display shows, only while the mouse moves; cursor and button hide when it rests', async ({
	browser,
	request
}) => {
	let relay!: SocketRelay;
	devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'), {
		display: async (page) => {
			await page.clock.install();
			relay = await relaySocket(page);
		}
	});
	const { display, remote } = devices;
	const screen = display.getByTestId('display');
	await remote.getByTestId('session-start').tap();
	await expect(screen).toHaveAttribute('data-shown', 'session');
	await expect(display.locator(CONTROLS)).toHaveCount(0);
	await expect(screen).toHaveCSS('cursor', 'none');

	await display.mouse.move(200, 200);
	await display.mouse.move(400, 300);
	const button = display.getByRole('button', { name: 'Full screen' });
	await expect(button).toBeVisible();
	await expect(display.locator(CONTROLS)).toHaveCount(1);
	await expect(screen).not.toHaveCSS('cursor', 'none');

	await button.click();
	await expect.poll(() => display.evaluate(() => document.fullscreenElement !== null)).toBe(true);
	await expect(display.getByRole('button', { name: 'Leave full screen' })).toBeVisible();

	await display.clock.fastForward(3500);
	await expect(display.locator(CONTROLS)).toHaveCount(0);
	await expect(screen).toHaveCSS('cursor', 'none');
	await expect(screen).toHaveAttribute('data-shown', 'session');
	expect(relay.emitted, 'the button changes nothing in the group: the display sends nothing').toEqual([]);
});

test('the display keeps the screen awake while a session runs, asks again when it is shown again, and lets go at the end', async ({
	browser,
	request
}) => {
	const group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group, {
		// a stand-in for the Screen Wake Lock API that records what the page asks of it
		display: (page) =>
			page.addInitScript(() => {
				const log: string[] = [];
				const sentinels: { released: boolean; release(): Promise<void> }[] = [];
				Object.assign(window, { wakeLog: log, wakeSentinels: sentinels });
				Object.defineProperty(navigator, 'wakeLock', {
					value: {
						request: async () => {
							log.push('request');
							const sentinel = {
								released: false,
								release: async () => {
									sentinel.released = true;
									log.push('release');
								}
							};
							sentinels.push(sentinel);
							return sentinel;
						}
					}
				});
			})
	});
	const { display } = devices;
	const log = () => display.evaluate(() => (window as unknown as { wakeLog: string[] }).wakeLog.join(','));
	expect(await log(), 'nothing asked between sessions').toBe('');
	expect(await sendWithLink(group.links.remote, { type: 'session.start' })).toMatchObject({ ok: true });
	await expect.poll(log).toBe('request');

	// the browser drops the lock when the page is hidden; when it is visible again the page asks again
	await display.evaluate(() => {
		(window as unknown as { wakeSentinels: { released: boolean }[] }).wakeSentinels[0].released = true;
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect.poll(log).toBe('request,request');

	expect(await sendWithLink(group.links.remote, { type: 'session.end' })).toMatchObject({ ok: true });
	await expect.poll(log).toBe('request,request,release');
});
