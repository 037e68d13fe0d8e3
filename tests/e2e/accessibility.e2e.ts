/**
 * axe-core on every page in use, with the Monday group's content on screen. The display is also held
 * to enhanced contrast (7:1), since it is read from the back of a dim room.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { createGroup, expectSettled, openDevices, typeAndEnter, type Devices } from './helpers.ts';

// evaluated rather than added as a <script>: the pages' Content-Security-Policy refuses inline scripts [R47]
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };

async function violations(page: Page, options: RunOptions = WCAG_AA) {
	await page.evaluate(AXE_SOURCE);
	const results = await page.evaluate(
		(opts) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<AxeResults> } }).axe.run(document, opts),
		options
	);
	expect(results.passes.length, 'axe checked something').toBeGreaterThan(0);
	return results.violations.map((v) => ({ rule: v.id, impact: v.impact, where: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/**
 * Every visible piece of text (and the permission icon) on the page, with its contrast against the
 * nearest solid background. axe's enhanced rule lets large text pass at 4.5:1; the projector's rule
 * is 7:1 for all text, so it is measured here directly.
 */
async function contrastBelow(page: Page, minimum: number) {
	return page.evaluate((minimum) => {
		const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
		const luminance = ([r, g, b]: number[]) => {
			const [R, G, B] = [r, g, b].map((v) => {
				const c = v / 255;
				return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * R + 0.7152 * G + 0.0722 * B;
		};
		const background = (el: Element | null): number[] => {
			for (let e = el; e; e = e.parentElement) {
				const c = rgba(getComputedStyle(e).backgroundColor);
				if (c.length === 3 || c[3] > 0) return c;
			}
			return [255, 255, 255];
		};
		const low: { text: string; ratio: number }[] = [];
		const checked = new Set<Element>();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (!el || checked.has(el) || !node.textContent?.trim()) continue;
			checked.add(el);
			const style = getComputedStyle(el);
			if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
			const [a, b] = [luminance(rgba(style.color)), luminance(background(el))];
			const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
			if (ratio < minimum) low.push({ text: node.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
		}
		return low;
	}, minimum);
}

let devices: Devices;

test.beforeEach(async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'));
	const { remote, desk } = devices;
	await remote.getByTestId('session-start').tap();
	await typeAndEnter(remote.getByLabel('Topic to come back to'), 'Medical marijuana');
	await remote.getByLabel('Name, as given').fill('Casey');
	await remote.getByRole('button', { name: 'Set speaker' }).tap();
	await remote.getByTestId('permission-granted').tap();
	for (const name of ['Tasha', 'Kurt']) await typeAndEnter(remote.getByLabel('Name to add'), name);
	await typeAndEnter(desk.getByLabel('Board title'), 'Speed');
	await typeAndEnter(desk.getByLabel(/^New item for/), 'Helps me clean the apartment');
	await expectSettled(remote);
	await expectSettled(desk);
	await expect(devices.display.getByTestId('items-left').locator('li')).toHaveCount(1);
});

test.afterEach(async () => {
	await devices.close();
});

test('[R24][R26] the display meets WCAG AA, and its text has at least 7:1 contrast', async () => {
	expect(await violations(devices.display)).toEqual([]);
	expect(await violations(devices.display, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } })).toEqual([]);
	expect(await contrastBelow(devices.display, 7)).toEqual([]);
	for (const permission of ['unasked', 'declined'] as const) {
		await devices.remote.getByTestId(`permission-${permission}`).tap();
		await expect(devices.display.getByTestId('permission')).toHaveAttribute('data-permission', permission);
		expect(await contrastBelow(devices.display, 7)).toEqual([]);
	}
});

test('[R75][R76][R77][R78] the remote and the desk meet WCAG AA in each of their main states', async () => {
	const { remote, desk } = devices;
	const check = async (state: string) => {
		for (const [name, page] of [['remote', remote], ['desk', desk]] as const) expect(await violations(page), `${name}: ${state}`).toEqual([]);
	};
	await check('a running session');

	await test.step('every fold open: the preview, the board, topics, devices, settings, language, records', async () => {
		for (const fold of ['preview-fold', 'remote-board', 'topics-fold', 'devices', 'group-settings', 'language-fold'])
			await remote.getByTestId(fold).locator('summary').tap();
		for (const fold of ['devices', 'records']) await desk.getByTestId(fold).locator('summary').click();
		await expect(remote.getByTestId('display-preview').locator('[data-scene]')).toBeVisible();
		await expect(remote.getByLabel('Starts at')).toBeVisible();
		await expect(desk.getByTestId('records-none')).toBeVisible();
		await check('every fold open');
	});

	await test.step('the privacy screen up, the board held after Next (Keep or Clear), a name offline, End session asking', async () => {
		await remote.getByTestId('privacy').tap();
		await expect(remote.getByTestId('privacy-state')).toBeVisible();
		await remote.getByTestId('queue-next').tap();
		await expect(remote.getByTestId('board-held')).toBeVisible();
		await expect(desk.getByTestId('board-held')).toBeVisible();
		await remote.getByTestId('session-end').tap();
		await expect(remote.getByTestId('carry')).toBeVisible();
		await desk.getByTestId('session-end').click();
		await expect(desk.getByTestId('carry')).toBeVisible();
		await check('privacy up, held board, End session asking');
	});

	await test.step('between sessions: the last session, Start session, a record', async () => {
		await remote.getByRole('button', { name: 'Yes, end session' }).tap();
		await expect(remote.getByTestId('last-session')).toBeVisible();
		await expect(desk.getByTestId('records').getByTestId('record')).toHaveCount(1);
		await check('between sessions');
	});
});

test('the home page meets WCAG AA, with its links showing', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Group name').fill('Monday drop-in');
	await page.getByRole('button', { name: 'Create group' }).click();
	await expect(page.getByRole('heading', { name: 'Monday drop-in' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});
