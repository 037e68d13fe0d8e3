/**
 * The remote as a one-thumb controller: at 390x844 and 360x640, with a running session and a long
 * queue, the privacy screen, Next and the speaker's feedback answer stay in reach at the top, the
 * middle and the bottom of the page, each at least 48 px, never covering what they sit over.
 */
import { expect, test, type Page } from '@playwright/test';
import { PHONE, busyMonday, createGroup, local, openPhone, reachable, sendAllWithLink, snapshot } from './helpers.ts';

/** Every visible button and field of the page: its size and its look. */
function controls(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('button, input, select, textarea')]
			.filter((el) => !['checkbox', 'radio'].includes((el as HTMLInputElement).type) && el.getClientRects().length > 0)
			.map((el) => {
				const r = el.getBoundingClientRect();
				const style = getComputedStyle(el);
				return {
					what: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.id ?? ''} ${el.textContent?.trim().slice(0, 30) ?? ''}`,
					field: el.tagName !== 'BUTTON',
					width: r.width,
					height: r.height,
					look: `${style.backgroundColor} ${style.borderTopColor} ${style.borderTopWidth} ${style.borderRadius}`
				};
			})
	);
}

const TARGETS = ['privacy', 'permission-unasked', 'permission-granted', 'permission-declined', 'queue-next'] as const;

async function scrollTo(page: Page, where: 'top' | 'middle' | 'bottom') {
	const target = await page.evaluate((where) => {
		const max = document.documentElement.scrollHeight - window.innerHeight;
		const y = Math.round(where === 'top' ? 0 : where === 'middle' ? max / 2 : max);
		window.scrollTo(0, y);
		return y;
	}, where);
	await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(target);
}

for (const [name, size] of Object.entries(PHONE)) {
	test(`the action bar stays in reach at ${size.width}x${size.height}, at the top, middle and bottom of a busy session`, async ({ browser, request }, testInfo) => {
		const group = await createGroup(request, 'Monday drop-in');
		await sendAllWithLink(group.links.remote, [...busyMonday(14), { type: 'agreements.show', on: false }]);
		const phone = await openPhone(browser, group.links.remote, size);
		try {
			await expect(phone.getByTestId('queue-next')).toHaveText('Next: Kurt');
			await expect(phone.getByTestId('queue-list').locator('li')).toHaveCount(14);
			const height = await phone.evaluate(() => document.documentElement.scrollHeight);
			expect(height, 'the page is long enough to scroll').toBeGreaterThan(size.height * 1.5);

			for (const where of ['top', 'middle', 'bottom'] as const) {
				await scrollTo(phone, where);
				for (const testid of TARGETS) {
					const found = await reachable(phone.getByTestId(testid));
					expect(found, `${testid} at the ${where}`).toMatchObject({ inView: true, big: true, onTop: true });
				}
				await snapshot(phone, testInfo, `remote-${name}-${where}`);
			}

			// the dock pads the page: at the bottom, the last of the page sits above it, not under it
			const [lastBottom, dockTop] = await phone.evaluate(() => [
				document.querySelector('main')!.lastElementChild!.getBoundingClientRect().bottom,
				document.querySelector('[data-testid="dock"]')!.getBoundingClientRect().top
			]);
			expect(lastBottom).toBeLessThanOrEqual(dockTop);

			// one tap each, at any scroll position
			await phone.getByTestId('permission-granted').tap();
			await expect(phone.getByTestId('permission-granted')).toHaveAttribute('aria-pressed', 'true');
			await phone.getByTestId('queue-next').tap();
			await expect(phone.getByTestId('current-speaker')).toHaveText('Kurt');
			await phone.getByTestId('privacy').tap();
			await expect(phone.getByTestId('privacy-state')).toBeVisible();
			await expect(phone.getByTestId('privacy')).toHaveAttribute('aria-pressed', 'true');
		} finally {
			await phone.context().close();
		}
	});
}

test('one style for every button and field, no keyboard-only hints on the phone', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	await sendAllWithLink(group.links.remote, [...busyMonday(3), { type: 'agreements.show', on: false }]);
	const phone = await openPhone(browser, group.links.remote, PHONE.small);
	try {
		for (const fold of ['remote-board', 'topics-fold', 'devices', 'group-settings', 'language-fold'])
			await phone.getByTestId(fold).locator('summary').tap();
		await expect(phone.getByLabel('Code on the projector')).toBeVisible();
		await expect(phone.getByLabel('Starts at')).toBeVisible();
		const found = await controls(phone);
		expect(found.length).toBeGreaterThan(30);
		for (const control of found) expect(control.height, control.what).toBeGreaterThanOrEqual(48);
		for (const control of found.filter((c) => !c.field)) expect(control.width, control.what).toBeGreaterThanOrEqual(48);
		const looks = new Set(found.filter((c) => c.field).map((c) => c.look));
		expect([...looks], 'every field looks the same (the pairing code and invite fields too)').toHaveLength(1);
		const text = await phone.locator('body').innerText();
		for (const hint of ['Escape', 'Enter ', 'Ctrl+', 'Shift+']) expect(text, `no "${hint}" hint on the phone`).not.toContain(hint);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.small.width);
	} finally {
		await phone.context().close();
	}
});

test("the action bar's words fit their buttons on a 360 px phone, in English and in Spanish: two lines at most, nothing spills", async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	await sendAllWithLink(group.links.remote, [...busyMonday(3), { type: 'agreements.show', on: false }]);
	for (const locale of ['en-US', 'es-MX']) {
		const context = await browser.newContext({ viewport: PHONE.small, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale });
		try {
			const phone = await context.newPage();
			await phone.goto(local(group.links.remote));
			await expect(phone.getByTestId('queue-next')).toContainText('Kurt');
			await expect(phone.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
			for (const testid of TARGETS) {
				const fit = await phone.getByTestId(testid).evaluate((button) => {
					const box = button.getBoundingClientRect();
					const range = document.createRange();
					range.selectNodeContents(button);
					const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
					const spills = [...range.getClientRects()].some((r) => r.width > 0 && (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom));
					return { text: button.textContent?.trim(), lines: lines.size, spills };
				});
				expect(fit, `${testid} in ${locale}`).toMatchObject({ spills: false });
				expect(fit.lines, `${testid} in ${locale}: "${fit.text}"`).toBeLessThanOrEqual(2);
			}
		} finally {
			await context.close();
		}
	}
});
