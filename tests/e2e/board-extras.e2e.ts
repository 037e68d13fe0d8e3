/**
 * The desk's finer board tools (drafts, a hidden column, heading presets) and Undo on the phone and
 * the laptop, as the Monday group weighs up speed with Casey.
 */
import { expect, test, type Page } from '@playwright/test';
import { createGroup, domWords, expectSettled, openDevices, typeAndEnter, watchText, type Devices } from './helpers.ts';

let devices: Devices;

test.beforeEach(async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request), { desk: (page) => page.clock.install() });
	const { remote, display } = devices;
	await remote.getByTestId('session-start').tap();
	await remote.getByLabel('Name, as given').fill('Casey');
	await remote.getByRole('button', { name: 'Set speaker' }).tap();
	await expect(display.getByTestId('display')).toHaveAttribute('data-agreements', 'false');
});

test.afterEach(async () => {
	await devices.close();
});

const displayItems = (display: Page, column: 'left' | 'right') => display.getByTestId(`items-${column}`).locator('li');

test('[R37] a draft staged on the desk (Shift+Enter, or the toggle) never reaches the display until it is shown', async () => {
	const { desk, display } = devices;
	const item = desk.getByLabel(/^New item for/);
	await typeAndEnter(item, 'Helps me clean the apartment');
	await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment']);
	const seen = await watchText(display, 'items-left');

	await item.fill('Gets me away for a while');
	await item.press('Shift+Enter');
	await desk.getByTestId('stage-draft').check();
	await typeAndEnter(item, 'Kyle: it helps me get away');
	const drafts = desk.getByTestId('desk-column-left').locator('[data-draft="true"]');
	await expect(drafts).toHaveCount(2);
	await expect(drafts.first()).toContainText('Draft: not on the display yet');
	await expectSettled(desk);
	await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment']);
	expect(await domWords(display)).not.toContain('Gets me away');
	expect(await domWords(display)).not.toContain('Kyle: it helps');

	await desk.getByRole('button', { name: 'Show "Gets me away for a while" on the display' }).click();
	await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment', 'Gets me away for a while']);
	await expect(drafts).toHaveCount(1);
	expect((await seen()).join(' '), 'the other draft never appeared, even for a frame').not.toContain('Kyle: it helps');
});

test('[R38][R39] a hidden column leaves the display and the other one takes the width; heading presets', async () => {
	const { desk, display } = devices;
	const item = desk.getByLabel(/^New item for/);
	await typeAndEnter(item, 'Helps me clean the apartment');
	await item.press('Control+.');
	await typeAndEnter(item, 'Could lose the apartment');
	await expect(displayItems(display, 'right')).toHaveText(['Could lose the apartment']);

	await desk.getByTestId('hide-left').check();
	await expect(display.getByTestId('column-left')).toHaveCount(0);
	await expect(desk.getByTestId('desk-column-left').getByTestId('wall-note')).toHaveText('Not on the wall: this column is hidden.');
	await expect(desk.getByTestId('desk-column-right').getByTestId('wall-note')).toHaveCount(0);
	const words = await domWords(display);
	for (const hidden of ['Good things', 'Helps me clean']) expect(words).not.toContain(hidden);
	const [board, column] = await Promise.all([
		display.getByTestId('board-title').locator('xpath=..').boundingBox(),
		display.getByTestId('column-right').boundingBox()
	]);
	expect(column!.width / board!.width, 'the one column shown takes the whole board').toBeGreaterThan(0.9);
	await desk.getByTestId('hide-left').uncheck();
	await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment']);
	await expect(desk.getByTestId('desk-column-left').getByTestId('wall-note')).toHaveCount(0);

	await desk.getByTestId('preset-change').click();
	await expect(display.getByTestId('column-left').getByRole('heading')).toHaveText('Reasons to keep things as they are');
	await expect(display.getByTestId('column-right').getByRole('heading')).toHaveText('Reasons to change');
	await expect(desk.getByTestId('preset-change')).toHaveAttribute('aria-pressed', 'true');
	await desk.getByTestId('preset-balance').click();
	await expect(display.getByTestId('column-left').getByRole('heading')).toHaveText('Good things');
});

test('[R36] Undo on the phone and the desk puts back a queue entry, a board item, a parked topic and a cleared board', async () => {
	const { desk, remote, display } = devices;
	const undoOn = (page: Page) => page.getByTestId('undo-button');

	await test.step('a queue entry, from the phone', async () => {
		for (const name of ['Tasha', 'Kurt']) await typeAndEnter(remote.getByLabel('Name to add'), name);
		await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/]);
		await remote.getByRole('button', { name: 'Remove Tasha from the queue' }).tap();
		await expect(display.getByTestId('queue').locator('li')).toHaveText([/Kurt/]);
		await expect(remote.getByTestId('undo')).toContainText('Tasha taken off the queue');
		await undoOn(remote).tap();
		await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/]);
		await expect(remote.getByTestId('undo')).toHaveCount(0);
	});

	await test.step('a parked topic, from the phone', async () => {
		await typeAndEnter(remote.getByLabel('Topic to come back to'), 'Medical marijuana');
		await expect(display.getByTestId('parking-lot')).toContainText('Medical marijuana');
		await remote.getByRole('button', { name: 'Take "Medical marijuana" out of the parking lot' }).tap();
		await expect(display.getByTestId('parking-lot')).toHaveCount(0);
		await undoOn(remote).tap();
		await expect(display.getByTestId('parking-lot')).toContainText('Medical marijuana');
	});

	await test.step('a board item and a cleared board, from the desk', async () => {
		await typeAndEnter(desk.getByLabel('Board title'), 'Speed');
		const item = desk.getByLabel(/^New item for/);
		for (const text of ['Helps me clean the apartment', 'Gets me away for a while']) await typeAndEnter(item, text);
		await desk.getByRole('button', { name: 'Remove "Helps me clean the apartment"' }).click();
		await expect(displayItems(display, 'left')).toHaveText(['Gets me away for a while']);
		await undoOn(desk).click();
		await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment', 'Gets me away for a while']);

		await desk.getByRole('button', { name: 'Clear board' }).click();
		await desk.getByRole('button', { name: 'Yes, clear board' }).click();
		await expect(display.getByTestId('board-title')).toHaveCount(0); // an empty board is not drawn [R61]
		await expect(desk.getByTestId('undo')).toContainText('Board cleared');
		await undoOn(desk).click();
		await expect(display.getByTestId('board-title')).toHaveText('Speed');
		await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment', 'Gets me away for a while']);
	});

	await test.step('the offer goes after a few seconds', async () => {
		await desk.getByRole('button', { name: 'Remove "Gets me away for a while"' }).click();
		await expect(undoOn(desk)).toBeVisible();
		await desk.clock.fastForward(9000);
		await expect(desk.getByTestId('undo')).toHaveCount(0);
	});
});
