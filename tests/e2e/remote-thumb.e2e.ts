/**
 * The remote as a one-thumb controller: at 390x844 and 360x640, with a running session and a long
 * queue, the privacy screen, Next and the speaker's feedback answer stay in reach at the top, the
 * middle and the bottom of the page, each at least 48 px, never covering what they sit over.
 */
import { expect, test, type Page } from '@playwright/test';
import { PHONE, busyMonday, createGroup, openPhone, reachable, sendAllWithLink, snapshot } from './helpers.ts';

const TARGETS = ['privacy', 'permission-unasked', 'permission-granted', 'permission-declined', 'queue-next'] as const;

async function scrollTo(page: Page, where: 'top' | 'middle' | 'bottom') {
	await page.evaluate((where) => {
		const max = document.documentElement.scrollHeight - window.innerHeight;
		window.scrollTo(0, where === 'top' ? 0 : where === 'middle' ? max / 2 : max);
	}, where);
	await expect.poll(() => page.evaluate(() => window.scrollY > 0 || document.documentElement.scrollHeight <= window.innerHeight || true)).toBe(true);
}

for (const [name, size] of Object.entries(PHONE)) {
	test(`the action bar stays in reach at ${size.width}x${size.height}, at the top, middle and bottom of a busy session`, async ({ browser, request }, testInfo) => {
		const group = await createGroup(request, 'Monday drop-in');
		await sendAllWithLink(group.links.remote, [...busyMonday(14), { type: 'agreements.show', on: false }]);
		const phone = await openPhone(browser, group.links.remote, size);
		try {
			await expect(phone.getByTestId('queue-next')).toHaveText('Next: Kurt');
			await expect(phone.getByTestId('queue').locator('li')).toHaveCount(14);
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
