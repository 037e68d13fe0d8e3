/**
 * The board from a phone alone, and the board after Next [R52]: Casey's pros and cons never stay up
 * beside the next person's name; the remote and the desk ask Keep or Clear.
 */
import { expect, test, type Page } from '@playwright/test';
import { createGroup, domWords, expectSettled, openDevices, sendAllWithLink, type Devices } from './helpers.ts';

let devices: Devices;

test.beforeEach(async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group);
	// Casey checks in (the first speaker takes the agreements down, R35); Tasha waits
	await sendAllWithLink(group.links.remote, [{ type: 'session.start' }, { type: 'speaker.set', name: 'Casey' }, { type: 'queue.add', name: 'Tasha' }]);
	await expect(devices.display.getByTestId('speaker')).toHaveText('Casey');
});

test.afterEach(async () => {
	await devices.close();
});

const displayItems = (display: Page, column: 'left' | 'right') => display.getByTestId(`items-${column}`).locator('li');
const phoneItems = (remote: Page, column: 'left' | 'right') => remote.getByTestId(`remote-column-${column}`).getByTestId('remote-item');

async function openBoard(remote: Page) {
	const fold = remote.getByTestId('remote-board');
	if ((await fold.getAttribute('open')) === null) await fold.locator('summary').tap();
	await expect(remote.getByLabel('New item')).toBeVisible();
}

async function addFromPhone(remote: Page, column: 'left' | 'right', text: string) {
	await remote.getByLabel('New item').fill(text);
	await remote.getByTestId(`add-${column}`).tap();
	await expect(phoneItems(remote, column).filter({ hasText: text })).toHaveCount(1);
}

test('[R14][R16][R36][R52][R76] the remote alone runs a board: both columns, off and on the wall, clear and undo; the display follows', async () => {
	const { remote, display } = devices;
	await openBoard(remote);
	await expect(remote.getByRole('button', { name: 'Add to Good things' })).toBeDisabled();

	await test.step('a title, then an item in each column: one field, a button per column', async () => {
		await remote.getByLabel('Board title').fill('Speed');
		await remote.getByRole('button', { name: 'Save' }).tap();
		await expect(display.getByTestId('board-title')).toHaveText('Speed');
		await addFromPhone(remote, 'left', 'Use the high to clean the apartment');
		await addFromPhone(remote, 'right', 'Could lose the apartment');
		// Enter on the phone's keyboard adds to the column used last
		await remote.getByLabel('New item').fill('Worried about my health');
		await remote.getByLabel('New item').press('Enter');
		await expect(displayItems(display, 'left')).toHaveText(['Use the high to clean the apartment']);
		await expect(displayItems(display, 'right')).toHaveText(['Could lose the apartment', 'Worried about my health']);
		await expect(remote.getByTestId('remote-column-right').getByRole('heading')).toHaveText('Not-so-good things (2)');
	});

	await test.step('off the wall and back: the phone says the room does not see it', async () => {
		const toggle = remote.getByTestId('board-shown');
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		await toggle.tap();
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await expect(displayItems(display, 'right')).toHaveCount(0);
		expect(await domWords(display)).not.toContain('Could lose the apartment');
		await expect(remote.getByTestId('remote-board').getByTestId('wall-note')).toHaveText('Not on the wall: the board is off the wall.');
		await expect(remote.getByTestId('remote-board').locator('summary')).toContainText('Not on the wall');
		await toggle.tap();
		await expect(displayItems(display, 'right')).toHaveText(['Could lose the apartment', 'Worried about my health']);
		await expect(remote.getByTestId('remote-board').getByTestId('wall-note')).toHaveCount(0);
	});

	await test.step('an item off, and the board cleared; each can be undone from the phone', async () => {
		await remote.getByRole('button', { name: 'Remove "Worried about my health"' }).tap();
		await expect(displayItems(display, 'right')).toHaveText(['Could lose the apartment']);
		await remote.getByTestId('undo-button').tap();
		await expect(displayItems(display, 'right')).toHaveText(['Could lose the apartment', 'Worried about my health']);

		await remote.getByRole('button', { name: 'Clear board' }).tap();
		await remote.getByRole('button', { name: 'Yes, clear board' }).tap();
		await expect(displayItems(display, 'left')).toHaveCount(0);
		await expect(display.getByText('Speed')).toHaveCount(0);
		await expect(phoneItems(remote, 'left')).toHaveCount(0);
		await expect(remote.getByTestId('undo')).toContainText('Board cleared');
		await remote.getByTestId('undo-button').tap();
		await expect(display.getByTestId('board-title')).toHaveText('Speed');
		await expect(displayItems(display, 'left')).toHaveText(['Use the high to clean the apartment']);
		await expect(phoneItems(remote, 'right')).toHaveCount(2);
	});
	await expectSettled(remote);
});

test('[R52][R76] the board after Next: no board beside Tasha; the remote and the desk ask Keep or Clear', async () => {
	const { remote, desk, display } = devices;
	const casey = ['Use the high to clean the apartment', 'My health: four T-cells'];
	await openBoard(remote);
	await addFromPhone(remote, 'left', casey[0]);
	await addFromPhone(remote, 'right', casey[1]);
	await expect(displayItems(display, 'right')).toHaveText([casey[1]]);

	await test.step('Next to Tasha: the board comes off the wall and both facilitators are asked', async () => {
		await remote.getByTestId('queue-next').tap();
		await expect(display.getByTestId('speaker')).toHaveText('Tasha');
		await expect(displayItems(display, 'left')).toHaveCount(0);
		await expect(displayItems(display, 'right')).toHaveCount(0);
		const words = await domWords(display);
		for (const item of casey) expect(words, 'Casey\'s items are not beside Tasha').not.toContain(item);
		for (const page of [remote, desk])
			await expect(page.getByTestId('board-held')).toContainText('Board from before is off the wall. Keep it up for Tasha, or clear it?');
		await expect(desk.getByTestId('wall-note').filter({ hasText: 'Not on the wall' })).toHaveCount(0); // the question says it
	});

	await test.step('Keep puts it back on the wall for Tasha; the question goes from both', async () => {
		await remote.getByTestId('board-keep').tap();
		await expect(displayItems(display, 'right')).toHaveText([casey[1]]);
		for (const page of [remote, desk]) await expect(page.getByTestId('board-held')).toHaveCount(0);
	});

	await test.step('another speaker, and Clear on the desk empties it, with Undo', async () => {
		await expect(remote.getByTestId('queue-next'), 'nobody waits now').toBeDisabled();
		await remote.getByLabel('Name, as given').fill('Kurt');
		await remote.getByRole('button', { name: 'Set speaker' }).tap();
		await expect(display.getByTestId('speaker')).toHaveText('Kurt');
		await expect(desk.getByTestId('board-held')).toContainText('Keep it up for Kurt, or clear it?');
		await desk.getByTestId('board-clear-held').click();
		for (const page of [remote, desk]) await expect(page.getByTestId('board-held')).toHaveCount(0);
		await expect(phoneItems(remote, 'left')).toHaveCount(0);
		await expect(desk.getByTestId('undo')).toContainText('Board cleared');
		await desk.getByTestId('undo-button').click();
		// back as it was: off the wall, and asked again [R36][R52]
		await expect(phoneItems(remote, 'left')).toContainText([casey[0]]);
		await expect(remote.getByTestId('board-held')).toContainText('Keep it up for Kurt, or clear it?');
		await expect(displayItems(display, 'left')).toHaveCount(0);
		await remote.getByTestId('board-clear-held').tap();
		await expect(phoneItems(remote, 'left')).toHaveCount(0);
		// a new board shows as it is typed
		await addFromPhone(remote, 'left', 'Meth helps me stay awake at night');
		await expect(displayItems(display, 'left')).toHaveText(['Meth helps me stay awake at night']);
	});
	await expectSettled(remote);
	await expectSettled(desk);
});
