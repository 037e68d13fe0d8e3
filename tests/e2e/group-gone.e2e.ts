/**
 * A page whose group is gone from the server (issue 12): the server answers a stranger's credential
 * and a credential of a group it no longer holds alike [R25], so the page tells them apart by what it
 * knows itself: this credential opened the group here before. It then says so plainly, with what to
 * do, and never "open the link again", which cannot work.
 */
import { expect, test, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import type { RoomState } from '../../src/lib/protocol/protocol.ts';
import { CONTROLS, PHONE, VIEWPORT, createGroup, expectConnected, local, sendWithLink, snapshot } from './helpers.ts';

/** The device list as the remote's credential sees it. */
async function devicesOf(link: string): Promise<RoomState['devices']> {
	const url = new URL(link);
	const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? '';
	const socket = io(url.origin, { auth: { groupId: url.pathname.split('/')[2], key }, transports: ['websocket'], reconnection: false });
	try {
		return await new Promise<RoomState>((resolve) => socket.once('state', resolve)).then((s) => s.devices);
	} finally {
		socket.close();
	}
}

async function expectGone(page: Page, action: { name: string; href: string }) {
	await expect(page.getByTestId('not-paired-heading')).toHaveText('This group is no longer on this server');
	await expect(page.getByTestId('not-paired-detail')).not.toContainText('link again');
	await expect(page.getByRole('link', { name: action.name })).toHaveAttribute('href', action.href);
	await expect(page.getByTestId('connection')).toHaveCount(0); // nothing of the group
}

test('[R25] a laptop whose credential worked before, refused now, says the group is no longer on this server and how to make a new one', async ({ browser, request }, testInfo) => {
	const group = await createGroup(request);
	const context = await browser.newContext({ viewport: VIEWPORT.laptop });
	const desk = await context.newPage();
	await desk.goto(local(group.links.desk));
	await expectConnected(desk);
	await desk.close();

	// while the laptop is closed, its credential stops opening the group (removed: to the server the
	// same refusal as a group it no longer holds)
	const deskId = (await devicesOf(group.links.remote)).find((d) => d.label === "Co-facilitator's laptop")!.id;
	expect(await sendWithLink(group.links.remote, { type: 'device.revoke', deviceId: deskId })).toMatchObject({ ok: true });

	const again = await context.newPage();
	await again.goto(`/g/${group.groupId}/desk`); // as a bookmark or a reload opens it: the credential from storage
	await expectGone(again, { name: 'Make a new group', href: '/' });
	await expect(again.getByTestId('not-paired')).toContainText('This laptop ran it before.');
	await snapshot(again, testInfo, 'desk-group-gone');
	// the refused credential is dropped; a reload still says why
	await again.reload();
	await expectGone(again, { name: 'Make a new group', href: '/' });
	await context.close();
});

test('[R25] a projector refused after it showed the group says so and where to pair it again, in its browser\'s language, with no control on it', async ({ browser, request }) => {
	const group = await createGroup(request);
	const context = await browser.newContext({ viewport: VIEWPORT.projector, locale: 'es-US' });
	const display = await context.newPage();
	await display.goto(local(group.links.display));
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');
	await display.close();
	const displayId = (await devicesOf(group.links.remote)).find((d) => d.role === 'display')!.id;
	expect(await sendWithLink(group.links.remote, { type: 'device.revoke', deviceId: displayId })).toMatchObject({ ok: true });

	const again = await context.newPage();
	await again.goto(`/g/${group.groupId}/display`);
	await expect(again.getByTestId('not-paired-heading')).toHaveText('Este grupo ya no está en este servidor');
	await expect(again.getByTestId('not-paired-detail')).toContainText(`abra ${new URL(again.url()).host}/display en esta pantalla`);
	await expect(again.locator(CONTROLS)).toHaveCount(0);
	await context.close();
});

test('[R25] a link that never opened the group here asks for the link again, and says what it means if the whole link fails too', async ({ browser, request }, testInfo) => {
	const group = await createGroup(request);
	const context = await browser.newContext({ viewport: PHONE.common, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	await page.goto(`/g/${group.groupId}/remote#key=not-the-key`); // a damaged link: never in here
	await expect(page.getByTestId('not-paired')).toHaveText('This phone is not paired with a group. Open the remote link again.');
	await expect(page.getByTestId('not-paired-heading')).toHaveCount(0);
	await expect(page.getByTestId('not-paired-detail')).toContainText('no longer on this server');
	await expect(page.getByRole('link', { name: 'Make a new group' })).toHaveAttribute('href', '/');
	await snapshot(page, testInfo, 'remote-never-paired');
	await context.close();
});
