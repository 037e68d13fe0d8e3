/**
 * The facilitator's phone: every tap shows as pending until the server answers, the queue is run with
 * one thumb, and a refusal is said in words.
 */
import { expect, test } from '@playwright/test';
import { createGroup, expectConnected, expectSettled, expectTapSize, openDevices, type Devices } from './helpers.ts';
import { relaySocket, type SocketRelay } from './socket-relay.ts';

let devices: Devices;
let relay: SocketRelay;

test.beforeEach(async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request), { remote: async (page) => (relay = await relaySocket(page)) });
});

test.afterEach(async () => {
	await devices.close();
});

test('a tap shows as pending until the server answers, then settles', async () => {
	const { remote, display } = devices;
	const start = remote.getByTestId('session-start');
	await expect(remote).toHaveTitle('Remote · Roomcast');
	await expectConnected(remote);
	await expectTapSize(start);

	relay.hold();
	await start.tap();
	await expect(start).toHaveAttribute('aria-busy', 'true');
	await expect(start).toContainText('Sending…');
	await expect(remote.getByTestId('pending')).toHaveAttribute('data-count', '1');
	await expect(remote.getByTestId('pending')).toHaveText('1 sending…');
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');

	relay.release();
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'session');
	await expectSettled(remote);
	await expect(remote.getByTestId('pending')).toHaveText('All sent');
	await expectConnected(remote);
});

test('[R12] the queue: add, move up, move down, remove, Next — in the same order on the display', async () => {
	const { remote, display } = devices;
	const onDisplay = display.getByTestId('queue').locator('li');
	await remote.getByTestId('session-start').tap();
	await remote.getByTestId('agreements-toggle').tap(); // [R35] down, to show the queue
	await expect(display.getByTestId('display')).toHaveAttribute('data-agreements', 'false');
	for (const name of ['Kurt', 'Tasha', 'Franco']) {
		await remote.getByLabel('Name to add').fill(name);
		await remote.getByLabel('Name to add').press('Enter');
	}
	await expect(onDisplay).toHaveText([/Kurt/, /Tasha/, /Franco/]);

	await remote.getByRole('button', { name: 'Move Franco up' }).tap();
	await expect(onDisplay).toHaveText([/Kurt/, /Franco/, /Tasha/]);
	await remote.getByRole('button', { name: 'Move Kurt down' }).tap();
	await expect(onDisplay).toHaveText([/Franco/, /Kurt/, /Tasha/]);
	await expectTapSize(remote.getByRole('button', { name: 'Move Kurt up' }));
	await remote.getByRole('button', { name: 'Remove Kurt from the queue' }).tap();
	await expect(onDisplay).toHaveText([/Franco/, /Tasha/]);

	await expect(remote.getByTestId('queue-next')).toHaveText('Next: Franco');
	await remote.getByTestId('queue-next').tap();
	await expect(display.getByTestId('speaker')).toHaveText('Franco');
	await expect(onDisplay).toHaveText([/Tasha/]);
	await remote.getByTestId('queue-next').tap();
	await expect(display.getByTestId('speaker')).toHaveText('Tasha');
	await expect(display.getByText('Nobody is waiting.')).toBeVisible();
	await expect(remote.getByTestId('queue-next')).toBeDisabled();
	await expectSettled(remote);
});

test('[R8] a command the server refuses is said in words in a polite live region, and can be dismissed', async () => {
	const { remote, desk, display } = devices;
	await remote.getByTestId('session-start').tap();
	await remote.getByLabel('Name, as given').fill('Kyle');
	await remote.getByRole('button', { name: 'Set speaker' }).tap();
	await expect(display.getByTestId('speaker')).toHaveText('Kyle');

	// The phone's tap is slow to arrive; meanwhile the co-facilitator clears the speaker first.
	relay.hold();
	await remote.getByRole('button', { name: 'Clear speaker' }).tap();
	await desk.getByRole('button', { name: 'Clear speaker' }).click();
	await expect(display.getByTestId('speaker')).toHaveText('Nobody is speaking.');
	relay.release();

	const notice = remote.getByTestId('command-error');
	await expect(notice).toHaveAttribute('aria-live', 'polite');
	await expect(notice).toContainText('Nobody is speaking.');
	await expectSettled(remote);
	await notice.getByRole('button', { name: 'Dismiss' }).tap();
	await expect(notice).toBeEmpty();
});
