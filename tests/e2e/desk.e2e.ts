/**
 * The co-facilitator's laptop: the decisional-balance board, from the keyboard, as Casey's group
 * weighs up speed.
 */
import { expect, test, type Page } from '@playwright/test';
import { createGroup, expectSettled, openDevices, typeAndEnter, type Devices } from './helpers.ts';

let devices: Devices;

test.beforeEach(async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request));
	await devices.desk.getByTestId('session-start').click();
	await expect(devices.display.getByTestId('display')).toHaveAttribute('data-shown', 'session');
	// [R35] the session opens with the agreements up; the co-facilitator takes them down to show the board
	await devices.desk.getByTestId('agreements-toggle').click();
	await expect(devices.display.getByTestId('display')).toHaveAttribute('data-agreements', 'false');
});

test.afterEach(async () => {
	await devices.close();
});

const displayItems = (display: Page, column: 'left' | 'right') => display.getByTestId(`items-${column}`).locator('li');
const deskItems = (desk: Page, column: 'left' | 'right') => desk.getByTestId(`desk-column-${column}`).getByTestId('desk-item');

test('[R13][R14] title and headings: Enter saves, Escape undoes; Ctrl+. and the buttons pick the column', async () => {
	const { desk, display } = devices;
	await expect(desk).toHaveTitle('Desk · Roomcast');
	const title = desk.getByLabel('Board title');
	await typeAndEnter(title, 'Speed');
	await expect(display.getByTestId('board-title')).toHaveText('Speed');
	await title.fill('Not saved');
	await title.press('Escape');
	await expect(title).toHaveValue('Speed');

	const heading = desk.getByLabel('Heading of the "Good things" column');
	await expect(heading).toHaveAttribute('placeholder', 'Good things');
	await typeAndEnter(heading, 'Reasons to keep using');
	await expect(display.getByTestId('column-left').getByRole('heading')).toHaveText('Reasons to keep using');
	await expect(display.getByTestId('column-right').getByRole('heading')).toHaveText('Not-so-good things');

	const item = desk.getByLabel(/^New item for/);
	await item.focus();
	await expect(item).toHaveAccessibleName('New item for "Reasons to keep using"');
	await desk.keyboard.press('Control+.');
	await expect(desk.getByTestId('select-right')).toHaveAttribute('aria-pressed', 'true');
	await expect(desk.getByTestId('select-left')).toHaveAttribute('aria-pressed', 'false');
	await expect(item).toHaveAccessibleName('New item for "Not-so-good things"');
	await typeAndEnter(item, 'Could lose my housing');
	await desk.getByTestId('select-left').click();
	await expect(desk.getByTestId('select-left')).toHaveAttribute('aria-pressed', 'true');
	await typeAndEnter(item, 'Helps me clean the apartment');
	await expect(displayItems(display, 'left')).toHaveText(['Helps me clean the apartment']);
	await expect(displayItems(display, 'right')).toHaveText(['Could lose my housing']);
});

test('[R14][R15][R10] items: add, edit inline, move within and across columns, remove', async () => {
	const { desk, display } = devices;
	const item = desk.getByLabel(/^New item for/);
	for (const text of ['Gets me away', 'Energy', 'Cleaning']) await typeAndEnter(item, text);
	await expect(displayItems(display, 'left')).toHaveText(['Gets me away', 'Energy', 'Cleaning']);

	await test.step('Escape cancels an edit; Enter saves it', async () => {
		await desk.getByRole('button', { name: 'Edit "Gets me away"' }).click();
		const field = desk.getByLabel('Item text');
		await expect(field).toBeFocused();
		await field.fill('Something else');
		await field.press('Escape');
		await expect(desk.getByRole('button', { name: 'Edit "Gets me away"' })).toBeFocused();
		await expect(deskItems(desk, 'left').first()).toContainText('Gets me away');

		await desk.keyboard.press('Enter'); // the focused Edit button opens the field again
		await desk.getByLabel('Item text').fill('Gets me away for a while');
		await desk.getByLabel('Item text').press('Enter');
		await expect(displayItems(display, 'left')).toHaveText(['Gets me away for a while', 'Energy', 'Cleaning']);
	});

	await test.step('move up and down within the column', async () => {
		await desk.getByRole('button', { name: 'Move "Cleaning" up' }).click();
		await expect(displayItems(display, 'left')).toHaveText(['Gets me away for a while', 'Cleaning', 'Energy']);
		await desk.getByRole('button', { name: 'Move "Gets me away for a while" down' }).click();
		await expect(displayItems(display, 'left')).toHaveText(['Cleaning', 'Gets me away for a while', 'Energy']);
		await expect(desk.getByRole('button', { name: 'Move "Cleaning" up' })).toBeDisabled();
	});

	await test.step('move to the other column, then remove', async () => {
		await desk.getByRole('button', { name: 'Move "Energy" to "Not-so-good things"' }).click();
		await expect(displayItems(display, 'right')).toHaveText(['Energy']);
		await expect(displayItems(display, 'left')).toHaveText(['Cleaning', 'Gets me away for a while']);
		await desk.getByRole('button', { name: 'Remove "Cleaning"' }).click();
		await expect(displayItems(display, 'left')).toHaveText(['Gets me away for a while']);
		await expect(deskItems(desk, 'left')).toHaveCount(1);
	});
	await expectSettled(desk);
});

test('[R16] Clear board asks first, then removes the title and every item; the headings stay', async () => {
	const { desk, display, remote } = devices;
	await typeAndEnter(desk.getByLabel('Board title'), 'Speed');
	await typeAndEnter(desk.getByLabel('Heading of the "Not-so-good things" column'), 'Costs');
	const item = desk.getByLabel(/^New item for/);
	await typeAndEnter(item, 'Energy');
	await item.press('Control+.');
	await typeAndEnter(item, 'Housing');
	await expect(displayItems(display, 'right')).toHaveText(['Housing']);

	await desk.getByRole('button', { name: 'Clear board' }).click();
	await expect(desk.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await desk.getByRole('button', { name: 'Cancel' }).click();
	await expect(displayItems(display, 'right')).toHaveText(['Housing']);

	await desk.getByRole('button', { name: 'Clear board' }).click();
	await desk.getByRole('button', { name: 'Yes, clear board' }).click();
	// [R61] an empty board is not drawn on the wall: the next item puts it back, under the heading kept
	await expect(display.getByTestId('board-title')).toHaveCount(0);
	await expect(desk.getByLabel('Board title')).toHaveValue('');
	await remote.getByTestId('remote-board').locator('summary').tap();
	await expect(remote.getByTestId('remote-column-right').getByRole('heading')).toHaveText('Costs (0)');
	await expect(remote.getByTestId('remote-item')).toHaveCount(0);
	await typeAndEnter(item, 'Money');
	await expect(display.getByTestId('board-title')).toHaveText('Decisional balance');
	await expect(display.getByTestId('column-left')).toContainText('No items yet.');
	await expect(display.getByTestId('column-right').getByRole('heading')).toHaveText('Costs');
});
