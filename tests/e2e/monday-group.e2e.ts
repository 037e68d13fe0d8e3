/**
 * The reference scenario: the Monday group from the case study, run from a phone and a laptop and
 * shown on the projector. Each step checks all the screens that should change.
 */
import { expect, test } from '@playwright/test';
import { CONTROLS, MONDAY, createGroup, expectConnected, expectSettled, expectTapSize, openDevices, typeAndEnter, type Devices } from './helpers.ts';

const GOOD = ['Helps me clean the apartment', 'Gets me away for a while'];
const NOT_SO_GOOD = ['Could lose my housing', 'My doctor says I need to quit'];

let devices: Devices;

test.beforeEach(async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'));
});

test.afterEach(async () => {
	await devices.close();
});

test('[R2][R6][R12][R14][R24][R26] the remote and the desk run the Monday group; the display shows it', async () => {
	const { display, remote, desk } = devices;
	const speaker = display.getByTestId('speaker');
	const permission = display.getByTestId('permission');
	const queue = display.getByTestId('queue').locator('li');

	await test.step('between sessions the display shows a calm welcome with the group name only', async () => {
		await expect(display.getByTestId('welcome')).toContainText('Welcome');
		await expect(display.getByTestId('group-name')).toHaveText('Monday drop-in');
		await expect(display).toHaveTitle('Roomcast display');
	});

	await test.step('start the session from the phone', async () => {
		await remote.getByTestId('session-start').tap();
		await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'session');
		await expect(display.getByText('Monday drop-in')).toBeVisible();
		await expect(desk.getByText('A session is running.')).toBeVisible();
	});

	await test.step('[R6] Casey speaks; a new speaker starts at "Not asked yet"', async () => {
		await remote.getByLabel('Name, as given').fill('Casey');
		await remote.getByRole('button', { name: 'Set speaker' }).tap();
		await expect(speaker).toHaveText('Casey');
		await expect(permission).toHaveAttribute('data-permission', 'unasked');
		await expect(permission).toHaveText('Not asked yet');
		await expect(remote.getByTestId('permission-unasked')).toHaveAttribute('aria-pressed', 'true');
	});

	await test.step('[R26] Casey says the feedback is okay: words, an icon and a shape on the display', async () => {
		await remote.getByTestId('permission-granted').tap();
		await expect(permission).toHaveAttribute('data-permission', 'granted');
		await expect(permission).toHaveText('Feedback welcome');
		await expect(permission.locator('svg[data-icon="granted"]')).toBeVisible();
		await expect(remote.getByTestId('permission-granted')).toHaveAttribute('aria-pressed', 'true');
		await expect(remote.getByTestId('permission-unasked')).toHaveAttribute('aria-pressed', 'false');
		await expect(desk.getByTestId('permission-granted')).toHaveAttribute('aria-pressed', 'true');
	});

	await test.step('Tasha and Kurt join the queue, in order', async () => {
		for (const name of ['Tasha', 'Kurt']) {
			await remote.getByLabel('Name to add').fill(name);
			await remote.getByRole('button', { name: 'Add to queue' }).tap();
			await expect(remote.getByLabel('Name to add')).toHaveValue('');
		}
		await expect(queue).toHaveText([/Tasha/, /Kurt/]);
		await expect(desk.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/]);
	});

	await test.step('[R12] Next: the first in the queue speaks, at "Not asked yet"', async () => {
		await remote.getByTestId('queue-next').tap();
		await expect(speaker).toHaveText('Tasha');
		await expect(permission).toHaveAttribute('data-permission', 'unasked');
		await expect(queue).toHaveText([/Kurt/]);
		await expect(remote.getByTestId('current-speaker')).toHaveText('Tasha');
	});

	await test.step('[R14] the desk types the board: Enter adds to the selected column, Ctrl+. switches', async () => {
		const title = desk.getByLabel('Board title');
		await typeAndEnter(title, 'Speed');
		await expect(display.getByTestId('board-title')).toHaveText('Speed');

		const item = desk.getByLabel(/^New item for/);
		await expect(desk.getByTestId('select-left')).toHaveAttribute('aria-pressed', 'true');
		await expect(desk.getByText('Ctrl+. switches column')).toBeVisible();
		await item.focus();
		for (const text of GOOD) {
			await item.pressSequentially(text);
			await item.press('Enter');
			await expect(item).toHaveValue('');
			await expect(item).toBeFocused();
		}
		await item.press('Control+.');
		await expect(desk.getByTestId('select-right')).toHaveAttribute('aria-pressed', 'true');
		await expect(item).toBeFocused();
		for (const text of NOT_SO_GOOD) await typeAndEnter(item, text);

		await expect(display.getByTestId('column-left').getByRole('heading')).toHaveText('Good things');
		await expect(display.getByTestId('column-right').getByRole('heading')).toHaveText('Not-so-good things');
		await expect(display.getByTestId('items-left').locator('li')).toHaveText(GOOD);
		await expect(display.getByTestId('items-right').locator('li')).toHaveText(NOT_SO_GOOD);
		await expect(remote.getByTestId('board-count-left')).toHaveText('Good things: 2 items');
		await expect(remote.getByTestId('board-title')).toHaveText('Speed');
	});

	await test.step('every device settles: connected, nothing left to send', async () => {
		for (const page of [remote, desk]) {
			await expectConnected(page);
			await expectSettled(page);
		}
	});

	await test.step('[R2][R24] the display has no control of any kind', async () => {
		await expect(display.locator(CONTROLS)).toHaveCount(0);
	});

	await test.step('the remote main controls are at least 48x48 px', async () => {
		for (const target of [
			remote.getByTestId('queue-next'),
			remote.getByRole('button', { name: 'Set speaker' }),
			remote.getByRole('button', { name: 'Clear speaker' }),
			remote.getByTestId('permission-unasked'),
			remote.getByTestId('permission-granted'),
			remote.getByTestId('permission-declined'),
			remote.getByRole('button', { name: 'Add to queue' }),
			remote.getByRole('button', { name: 'Move Kurt down' }),
			remote.getByRole('button', { name: 'Remove Kurt from the queue' }),
			remote.getByLabel('Name, as given'),
			remote.getByLabel('Name to add'),
			remote.getByRole('button', { name: 'End session' })
		])
			await expectTapSize(target);
	});

	await test.step('ending the session wipes every name and item from all three screens', async () => {
		await remote.getByRole('button', { name: 'End session' }).tap();
		await remote.getByRole('button', { name: 'Yes, end session' }).tap();
		await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');
		await expect(remote.getByText('No session is running.')).toBeVisible();
		await expect(desk.getByText('No session is running.')).toBeVisible();
		for (const page of [display, remote, desk]) {
			const text = await page.locator('body').innerText();
			for (const word of [...MONDAY, ...GOOD, ...NOT_SO_GOOD, 'Speed']) expect(text).not.toContain(word);
		}
	});
});
