/**
 * The projector's live preview on the phone and the desk: the display's own scene, drawing what the
 * room sees (the welcome, the agreements, the privacy screen, the board without drafts or a hidden
 * column), so nobody has to turn round [R24][R76].
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { busyMonday, createGroup, domWords, expectConnected, openDevices, sendAllWithLink, type Devices } from './helpers.ts';

let devices: Devices;
let remoteLink: string;

test.beforeEach(async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	remoteLink = group.links.remote;
	devices = await openDevices(browser, group);
});

test.afterEach(async () => {
	await devices.close();
});

const scene = (where: Page | Locator) => where.locator('[data-scene]').first();
const preview = (page: Page) => page.getByTestId('display-preview');

/** The preview shows the scene the projector shows. */
async function expectSameScene(page: Page, display: Page, kind: string) {
	await expect(scene(display)).toHaveAttribute('data-scene', kind);
	await expect(scene(preview(page))).toHaveAttribute('data-scene', kind);
}

test('[R24][R76] the preview on the phone (folded, remembered) and on the desk shows what the projector shows', async () => {
	const { remote, desk, display } = devices;
	const fold = remote.getByTestId('preview-fold');

	await test.step('folded on the phone at first, its line saying what fills the wall; the desk always shows it', async () => {
		await expect(fold).not.toHaveAttribute('open', '');
		await expect(fold.locator('summary')).toHaveText(/^What the room sees\s*·\s*Welcome$/);
		await expect(preview(remote)).toHaveCount(0);
		await expectSameScene(desk, display, 'welcome');
		await expect(preview(desk)).toContainText('Monday drop-in');
		await fold.locator('summary').tap();
		await expectSameScene(remote, display, 'welcome');
	});

	await test.step('[R35] the agreements at the opening', async () => {
		await sendAllWithLink(remoteLink, [{ type: 'session.start' }, { type: 'queue.add', name: 'Tasha' }]);
		for (const page of [remote, desk]) await expectSameScene(page, display, 'agreements');
		await expect(preview(remote)).toContainText('Ask before giving feedback');
		await expect(fold.locator('summary')).toHaveText(/Our agreements$/);
	});

	await test.step('[R34] the privacy screen: nothing of the session in the preview either', async () => {
		await sendAllWithLink(remoteLink, [{ type: 'speaker.set', name: 'Casey' }, { type: 'privacy.blank', on: true }]);
		for (const page of [remote, desk]) await expectSameScene(page, display, 'privacy');
		for (const page of [remote, desk]) {
			const words = await preview(page).evaluate((el) => el.textContent ?? '');
			for (const name of ['Casey', 'Tasha', 'Monday drop-in']) expect(words, `"${name}" is not in the preview`).not.toContain(name);
		}
		await expect(fold.locator('summary')).toHaveText(/Privacy screen$/);
		await sendAllWithLink(remoteLink, [{ type: 'privacy.blank', on: false }]);
		for (const page of [remote, desk]) await expectSameScene(page, display, 'session');
		await expect(preview(remote)).toContainText('Casey');
		await expect(fold.locator('summary')).toHaveText(/^What the room sees$/);
	});

	await test.step('[R37][R38][R52] the board as the room sees it: no draft, no hidden column, none when it is off the wall', async () => {
		await sendAllWithLink(remoteLink, [
			{ type: 'board.setTitle', title: 'Speed' },
			{ type: 'board.addItem', column: 'left', text: 'Use the high to clean the apartment' },
			{ type: 'board.addDraft', column: 'left', text: 'Kyle: it helps me get away' },
			{ type: 'board.addItem', column: 'right', text: 'My health: four T-cells' }
		]);
		for (const page of [remote, desk]) {
			await expect(preview(page).getByTestId('items-left').locator('li')).toHaveText(['Use the high to clean the apartment']);
			await expect(preview(page).getByTestId('items-right').locator('li')).toHaveText(['My health: four T-cells']);
		}
		expect(await preview(desk).evaluate((el) => el.textContent ?? '')).not.toContain('Kyle: it helps');
		await desk.getByTestId('hide-left').check();
		await expect(display.getByTestId('column-left')).toHaveCount(0);
		for (const page of [remote, desk]) await expect(preview(page).getByTestId('column-left')).toHaveCount(0);
		await desk.getByTestId('board-shown').click();
		await expect(display.getByTestId('board-title')).toHaveCount(0);
		for (const page of [remote, desk]) await expect(preview(page).getByTestId('board-title')).toHaveCount(0);
	});

	await test.step('a picture, not part of the page: nothing in it to tab to or to read twice', async () => {
		for (const page of [remote, desk]) {
			await expect(preview(page).locator('[inert][aria-hidden="true"]')).toHaveCount(1);
			const words = await domWords(page);
			expect(words).toContain('What the room sees');
		}
	});

	await test.step('the phone remembers it open', async () => {
		await remote.reload();
		await expectConnected(remote);
		await expect(fold).toHaveAttribute('open', '');
		await expectSameScene(remote, display, 'session');
	});
});

/** The entries a list of the scene shows (the ones it leaves out are laid out but hidden), and its "+N more". */
function shownEntries(where: Page | Locator, testid: string): Promise<{ shown: string[]; more: string }> {
	return where
		.getByTestId(testid)
		.first()
		.evaluate((list) => ({
			shown: Array.from(list.querySelectorAll('li'))
				.filter((li) => li.getAttribute('aria-hidden') !== 'true')
				.map((li) => li.textContent?.trim() ?? ''),
			more: list.querySelector('[data-testid="more"]')?.textContent?.trim() ?? ''
		}));
}

test('[R24][R76] the preview is the 1920x1080 wall shrunk: the same entries in every list, the same "+N more", and a phone page no wider than the phone', async () => {
	const { remote, desk, display } = devices;
	await sendAllWithLink(remoteLink, busyMonday(9));
	await expect(display.getByTestId('speaker')).toHaveText('Casey');
	await remote.getByTestId('preview-fold').locator('summary').tap();
	for (const page of [remote, desk]) await expect(scene(preview(page))).toHaveAttribute('data-scene', 'session');
	for (const testid of ['queue', 'parking-items', 'items-left', 'items-right']) {
		const wall = await shownEntries(display, testid);
		expect(wall.shown.length, `${testid} shows something on the wall`).toBeGreaterThan(0);
		for (const page of [remote, desk]) await expect.poll(() => shownEntries(preview(page), testid), `${testid} in the preview`).toEqual(wall);
	}
	expect(await remote.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
