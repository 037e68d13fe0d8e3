/**
 * What the remote and desk say on their own: what is not on the wall [R76], which device is this
 * one, a name queued while offline [R79], and a link whose key does not open the group [R49][R79].
 */
import { expect, test, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { RoomCipher } from '../../src/lib/crypto/room-cipher.ts';
import { newGroupKey } from '../../src/lib/crypto/text-format.ts';
import { toBase64url } from '../../src/lib/crypto/base64url.ts';
import type { Command, CommandAck } from '../../src/lib/protocol/protocol.ts';
import { PHONE, createGroup, expectConnected, expectSettled, local, openDevices, sendAllWithLink, type Devices } from './helpers.ts';
import { relaySocket, type SocketRelay } from './socket-relay.ts';

const notes = (page: Page, area: string) => page.locator(`[data-testid="wall-note"][data-area="${area}"]`);

test.describe('with the three devices', () => {
	let devices: Devices;
	let relay: SocketRelay;
	let remoteLink: string;

	test.beforeEach(async ({ browser, request }) => {
		const group = await createGroup(request, 'Monday drop-in');
		remoteLink = group.links.remote;
		devices = await openDevices(browser, group, { remote: async (page) => (relay = await relaySocket(page)) });
	});

	test.afterEach(async () => {
		await devices.close();
	});

	test('[R76] the remote and the desk say, next to it, what the room does not see right now', async () => {
		const { remote, desk } = devices;
		await sendAllWithLink(remoteLink, [
			{ type: 'session.start' },
			{ type: 'queue.add', name: 'Tasha' },
			{ type: 'parkingLot.add', text: 'Medical marijuana' },
			{ type: 'board.addItem', column: 'left', text: 'Helps me clean the apartment' }
		]);
		await remote.getByTestId('remote-board').locator('summary').tap();

		await test.step('the agreements are up at the opening: the speaker, queue, parking lot and board are not on the wall', async () => {
			for (const page of [remote, desk])
				for (const area of ['speaker', 'queue', 'parkingLot', 'board'])
					await expect(notes(page, area), `${area}`).toHaveText('Not on the wall: the agreements are up.');
			await desk.getByTestId('agreements-toggle').click();
			for (const page of [remote, desk]) await expect(page.getByTestId('wall-note')).toHaveCount(0);
		});

		await test.step('the privacy screen: everything, said everywhere, and above the phone\'s action bar', async () => {
			await remote.getByTestId('privacy').tap();
			await expect(remote.getByTestId('privacy-state')).toHaveText('Privacy screen is UP: the display shows only a welcome');
			for (const page of [remote, desk])
				for (const area of ['speaker', 'queue', 'parkingLot', 'board'])
					await expect(notes(page, area)).toHaveText('Not on the wall: the privacy screen is up.');
			await remote.getByTestId('privacy').tap();
			await expect(remote.getByTestId('privacy-state')).toHaveCount(0);
		});

		await test.step('the board off the wall, and a hidden column', async () => {
			await desk.getByTestId('board-shown').click();
			for (const page of [remote, desk]) await expect(notes(page, 'board')).toHaveText('Not on the wall: the board is off the wall.');
			await expect(notes(desk, 'queue')).toHaveCount(0);
			await remote.getByTestId('board-shown').tap();
			await desk.getByTestId('hide-left').check();
			for (const page of [remote, desk]) {
				await expect(notes(page, 'left')).toHaveText('Not on the wall: this column is hidden.');
				await expect(notes(page, 'right')).toHaveCount(0);
				await expect(notes(page, 'board')).toHaveCount(0);
			}
		});
		await expectSettled(remote);
	});

	test('[R79] the device list marks this device, on the phone and on the laptop', async () => {
		const { remote, desk } = devices;
		for (const [page, label] of [
			[remote, "Facilitator's phone"],
			[desk, "Co-facilitator's laptop"]
		] as const) {
			await page.getByTestId('devices').locator('summary').click();
			const mine = page.locator('[data-testid="device"][data-self="true"]');
			await expect(mine).toHaveCount(1);
			await expect(mine.getByTestId('device-label')).toHaveText(label);
			await expect(mine.getByTestId('this-device')).toHaveText('This device');
			await expect(page.getByTestId('device').first(), 'listed first').toHaveAttribute('data-self', 'true');
		}
	});

	test('[R50][R79] a name queued while offline stays in the queue, marked sending, also after a reload', async () => {
		const { remote, display } = devices;
		await sendAllWithLink(remoteLink, [{ type: 'session.start' }, { type: 'agreements.show', on: false }, { type: 'queue.add', name: 'Tasha' }]);
		await expect(remote.getByTestId('queue-list').locator('li')).toHaveCount(1);

		await test.step('the phone loses the network: Kurt waits in its outbox, in sight', async () => {
			await remote.context().setOffline(true);
			await expect(remote.getByTestId('connection')).not.toHaveAttribute('data-status', 'online');
			await remote.getByLabel('Name to add').fill('Kurt');
			await remote.getByLabel('Name to add').press('Enter');
			const sending = remote.getByTestId('queue-sending');
			await expect(sending).toHaveText(/^\s*2\s*Kurt\s*sending…\s*$/);
			await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/]);
			await remote.context().setOffline(false);
			await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/]);
			await expect(sending).toHaveCount(0);
			await expect(remote.getByTestId('queue-list').locator('li')).toHaveCount(2);
		});

		await test.step('a reload keeps it, opened, never sealed, until it is sent', async () => {
			relay.hold(); // the server never hears of Franco until released
			await remote.getByLabel('Name to add').fill('Franco');
			await remote.getByLabel('Name to add').press('Enter');
			await expect(remote.getByTestId('queue-sending')).toContainText('Franco');
			await remote.reload();
			await expectConnected(remote);
			await expect(remote.getByTestId('queue-sending')).toContainText('Franco');
			await expect(remote.locator('body')).not.toContainText('e1.');
			relay.release();
			await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/, /Franco/]);
			await expect(remote.getByTestId('queue-sending')).toHaveCount(0);
		});
		await expectSettled(remote);
	});
});

test('[R49][R79] a remote or desk whose key does not open the group is told to open its link again', async ({ browser, request, baseURL }) => {
	const group = await createGroup(request, 'Monday drop-in');
	// the group's texts are sealed with its key...
	const key = newGroupKey();
	const url = new URL(group.links.remote);
	const cipher = new RoomCipher(group.groupId, key);
	const socket = io(baseURL!, { transports: ['websocket'], auth: { groupId: group.groupId, key: new URLSearchParams(url.hash.slice(1)).get('key') } });
	const rename = (await cipher.seal({ id: 'rename1', type: 'group.rename', name: 'Monday drop-in' } as Command)) as Command;
	expect((await socket.timeout(5000).emitWithAck('command', rename)) as CommandAck).toMatchObject({ ok: true });
	socket.close();
	// ...and these links carry another one (a link cut and pasted from an old group, say)
	const wrong = `&k=${toBase64url(newGroupKey())}`;
	const phoneContext = await browser.newContext({ viewport: PHONE.common, hasTouch: true, isMobile: true });
	const laptopContext = await browser.newContext();
	try {
		const [phone, laptop] = await Promise.all([phoneContext.newPage(), laptopContext.newPage()]);
		await phone.goto(local(group.links.remote + wrong));
		await laptop.goto(local(group.links.desk + wrong));
		await expect(phone.getByTestId('not-paired')).toHaveText(
			"This phone can't read the group. Open the remote link again, all of it."
		);
		await expect(laptop.getByTestId('not-paired')).toHaveText(
			"This laptop can't read the group. Open the desk link again, all of it."
		);
		for (const page of [phone, laptop]) await expect(page.locator('body')).not.toContainText('e1.');
	} finally {
		await phoneContext.close();
		await laptopContext.close();
	}
});
