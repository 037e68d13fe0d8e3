/**
 * Shared set-up for the browser tests: a group made through the public API, and the three devices of
 * the Monday group (projector, facilitator's phone, co-facilitator's laptop) each in its own context,
 * so each keeps its own storage like a real device.
 */
import { expect, devices, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { io } from 'socket.io-client';
import type { CommandAck, CommandInput, CreateGroupResponse } from '../../src/lib/protocol/protocol.ts';

/** The people of the reference scenario, as the facilitator would type them. */
export const MONDAY = ['Casey', 'Kurt', 'Tasha', 'Franco', 'Kyle', 'DJ', 'Kellie', 'Vaughn'] as const;

export const VIEWPORT = {
	projector: { width: 1920, height: 1080 },
	smallProjector: { width: 1280, height: 720 },
	laptop: { width: 1366, height: 768 }
} as const;

/** Anything a person could press, type in or follow. A display must have none of them. */
export const CONTROLS = 'button, input, select, textarea, a[href], [role="button"], [contenteditable], [tabindex]';

export async function createGroup(request: APIRequestContext, name = 'Monday drop-in'): Promise<CreateGroupResponse> {
	const response = await request.post('/api/groups', { data: { name } });
	expect(response.status()).toBe(201);
	return (await response.json()) as CreateGroupResponse;
}

/** A link as the browser under test should open it: same origin as the test server. */
export function local(link: string): string {
	const url = new URL(link);
	return `${url.pathname}${url.hash}`;
}

export interface Devices {
	display: Page;
	remote: Page;
	desk: Page;
	contexts: BrowserContext[];
	close(): Promise<void>;
}

type DeviceName = 'display' | 'remote' | 'desk';
/** Runs on a device's page before it opens its link (e.g. to put a socket relay in between). */
export type Prepare = Partial<Record<DeviceName, (page: Page) => Promise<unknown>>>;

/** Opens the three links, each in a context shaped like its device, and waits until each is online. */
export async function openDevices(browser: Browser, group: CreateGroupResponse, prepare: Prepare = {}): Promise<Devices> {
	const displayContext = await browser.newContext({ viewport: VIEWPORT.projector });
	const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
	const remoteContext = await browser.newContext({ ...pixel, hasTouch: true, isMobile: true });
	const deskContext = await browser.newContext({ viewport: VIEWPORT.laptop });
	const [display, remote, desk] = await Promise.all([displayContext.newPage(), remoteContext.newPage(), deskContext.newPage()]);
	await prepare.display?.(display);
	await prepare.remote?.(remote);
	await prepare.desk?.(desk);
	await Promise.all([
		display.goto(local(group.links.display)),
		remote.goto(local(group.links.remote)),
		desk.goto(local(group.links.desk))
	]);
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');
	await expectConnected(remote);
	await expectConnected(desk);
	const contexts = [displayContext, remoteContext, deskContext];
	return { display, remote, desk, contexts, close: async () => void (await Promise.all(contexts.map((c) => c.close()))) };
}

export async function expectConnected(page: Page): Promise<void> {
	const indicator = page.getByTestId('connection');
	await expect(indicator).toHaveAttribute('data-status', 'online');
	await expect(indicator).toContainText('Connected');
}

/** Every command the page sent has been answered. */
export async function expectSettled(page: Page): Promise<void> {
	await expect(page.getByTestId('pending')).toHaveAttribute('data-count', '0');
}

/**
 * The entries a display list shows plus its "+N more" account for every entry, all on screen. Read
 * in one go (a resize refits the lists a frame later: two separate reads could straddle it), until
 * the list has fitted the new size. `someLeftOut`: the list is too long for the screen, and says so.
 */
export async function expectFitted(display: Page, testid: string, total: number, someLeftOut = false): Promise<void> {
	await expect(async () => {
		const fit = await display.getByTestId(testid).evaluate((list) => {
			const shown = [...list.querySelectorAll('li')].filter((li) => li.getAttribute('aria-hidden') !== 'true');
			const more = list.querySelector('[data-testid="more"]');
			return {
				shown: shown.length,
				more: more ? Number(more.textContent?.match(/\+(\d+)/)?.[1]) : 0,
				offScreen: shown.filter((li) => {
					const box = li.getBoundingClientRect();
					return box.bottom > window.innerHeight || box.right > window.innerWidth;
				}).length
			};
		});
		expect(fit.shown + fit.more, `${testid}: shown + "more" = all`).toBe(total);
		expect(fit.shown, `${testid} shows at least one entry`).toBeGreaterThan(0);
		if (someLeftOut) expect(fit.more, `${testid} says "+N more"`).toBeGreaterThan(0);
		expect(fit.offScreen, `${testid}: every shown entry is on the screen`).toBe(0);
	}).toPass({ timeout: 10_000 });
}

/** The page neither scrolls nor overflows sideways at its current size. */
export async function expectFitsOneScreen(page: Page): Promise<void> {
	const size = await page.evaluate(() => ({
		scrollHeight: document.documentElement.scrollHeight,
		scrollWidth: document.documentElement.scrollWidth,
		innerHeight: window.innerHeight,
		innerWidth: window.innerWidth
	}));
	expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
	expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
}

/** Every tap target is at least 48x48 CSS px. */
export async function expectTapSize(target: Locator, min = 48): Promise<void> {
	await expect(target).toBeVisible();
	const box = await target.boundingBox();
	expect(box, 'visible target has a box').not.toBeNull();
	expect(box!.width).toBeGreaterThanOrEqual(min);
	expect(box!.height).toBeGreaterThanOrEqual(min);
}

/** Types into a field and presses Enter, the way the desk is used. */
export async function typeAndEnter(field: Locator, text: string): Promise<void> {
	await field.fill(text);
	await field.press('Enter');
}

/**
 * Records every text an element with this test id shows from now on, including ones that last a
 * single frame, so a test can prove something never appeared rather than that it is gone now.
 */
export async function watchText(page: Page, testid: string): Promise<() => Promise<string[]>> {
	const key = `watch:${testid}`;
	await page.evaluate(
		([key, testid]) => {
			const seen: string[] = [];
			(window as unknown as Record<string, string[]>)[key] = seen;
			const read = () => {
				const text = document.querySelector(`[data-testid="${testid}"]`)?.textContent;
				if (text != null) seen.push(text);
			};
			new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
		},
		[key, testid] as const
	);
	return () => page.evaluate((key) => (window as unknown as Record<string, string[]>)[key], key);
}

/**
 * Sends one command with a device's credential over a plain Socket.IO client, for commands no page
 * has a control for yet.
 */
export async function sendWithLink(link: string, input: CommandInput): Promise<CommandAck> {
	const url = new URL(link);
	const groupId = url.pathname.split('/')[2];
	const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? '';
	const socket = io(url.origin, { auth: { groupId, key }, transports: ['websocket'], reconnection: false });
	try {
		return await socket.timeout(10_000).emitWithAck('command', { ...input, id: `e2e${Date.now()}${Math.floor(Math.random() * 1e6)}` });
	} finally {
		socket.close();
	}
}

/**
 * Sends many commands in order over one plain Socket.IO client with a device's credential, each
 * answered before the next: sets a crowded room up quickly without typing it all.
 */
export async function sendAllWithLink(link: string, inputs: readonly CommandInput[]): Promise<void> {
	const url = new URL(link);
	const groupId = url.pathname.split('/')[2];
	const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? '';
	const socket = io(url.origin, { auth: { groupId, key }, transports: ['websocket'], reconnection: false });
	try {
		let n = 0;
		for (const input of inputs) {
			const ack = (await socket.timeout(10_000).emitWithAck('command', { ...input, id: `e2eb${Date.now()}${n++}` })) as CommandAck;
			expect(ack, `${input.type} is accepted`).toMatchObject({ ok: true });
		}
	} finally {
		socket.close();
	}
}

/** axe-core's serious and critical findings on a page (WCAG 2.2 AA rules). */
export async function seriousAxeViolations(page: Page): Promise<{ rule: string; impact: string | null | undefined; where: string[] }[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ rule: v.id, impact: v.impact, where: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** Saves a screenshot of the page as a test artifact, and attaches it to the report. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * Every word and attribute value in the page's body, scripts aside: what a person or a screen reader
 * could get from it, unlike the bundle's hashed file names. The time zone suggestions are left out
 * too: one of them is Antarctica/Casey.
 */
export function domWords(page: Page): Promise<string> {
	return page.evaluate(() => {
		const words: string[] = [];
		for (const el of document.body.querySelectorAll('*')) {
			if (el.closest('script, style, datalist')) continue;
			for (const attr of el.attributes) words.push(attr.value);
			for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
		}
		return words.join('\n');
	});
}

/** Phones the remote is held to: the common one, and a small one. */
export const PHONE = {
	common: { width: 390, height: 844 },
	small: { width: 360, height: 640 }
} as const;

/** A phone of this size with touch, as the facilitator holds it. */
export async function openPhone(browser: Browser, link: string, viewport: { width: number; height: number } = PHONE.common): Promise<Page> {
	const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
	const page = await context.newPage();
	await page.goto(local(link));
	await expectConnected(page);
	return page;
}

/** A busy Monday session, set up through the protocol: a speaker, a long queue, parked topics, a board. */
export function busyMonday(queue = 12): CommandInput[] {
	const names = Array.from({ length: queue }, (_, i) => `${MONDAY[(i % (MONDAY.length - 1)) + 1]}${i >= MONDAY.length - 1 ? ` ${Math.floor(i / 7) + 1}` : ''}`);
	return [
		{ type: 'session.start' },
		{ type: 'speaker.set', name: 'Casey' },
		...names.map((name): CommandInput => ({ type: 'queue.add', name })),
		...Array.from({ length: 5 }, (): CommandInput => ({ type: 'headcount.arrive' })),
		{ type: 'parkingLot.add', text: 'Medical marijuana: what are the benefits?' },
		{ type: 'parkingLot.add', text: 'Safer smoking supplies' },
		{ type: 'board.setTitle', title: 'Speed' },
		{ type: 'board.addItem', column: 'left', text: 'Use the high to clean the apartment' },
		{ type: 'board.addItem', column: 'left', text: 'Gets me away for a while' },
		{ type: 'board.addItem', column: 'right', text: 'Could lose the apartment, my health, maybe get hurt' },
		{ type: 'board.addItem', column: 'right', text: 'Worried about my health' }
	];
}

/**
 * Whether a control is fully inside the viewport, at least `min` px each way, and the element a tap
 * at its centre would reach (nothing covers it).
 */
export async function reachable(target: Locator, min = 48): Promise<{ inView: boolean; big: boolean; onTop: boolean; box: { x: number; y: number; width: number; height: number } }> {
	const box = await target.boundingBox();
	expect(box, 'the control is rendered').not.toBeNull();
	const { inView, onTop } = await target.evaluate((el) => {
		const r = el.getBoundingClientRect();
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return {
			inView: r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
			onTop: hit !== null && (hit === el || el.contains(hit))
		};
	});
	return { inView, onTop, big: box!.width >= min && box!.height >= min, box: box! };
}
