/**
 * Access from the browser: a projector paired by code, a device revoked while it shows the group, a
 * co-facilitator joining by a one-time invite.
 */
import { expect, test, devices as playwrightDevices } from '@playwright/test';
import { CONTROLS, VIEWPORT, createGroup, expectConnected, openDevices } from './helpers.ts';

test('[R43] a projector opened at /display shows a code; typed on the remote, it pairs and shows the group', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	const devices = await openDevices(browser, group);
	const projectorContext = await browser.newContext({ viewport: VIEWPORT.projector });
	const projector = await projectorContext.newPage();
	try {
		await projector.goto('/display');
		const code = projector.getByTestId('pairing-code');
		await expect(code).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		// nothing to press on the projector but its language, which changes nothing in any group
		await expect(projector.locator(`:is(${CONTROLS}):not([data-testid="language-switch"] *)`)).toHaveCount(0);
		const typed = (await code.textContent())!.replace('-', ' ').toLowerCase();

		const { remote } = devices;
		await remote.getByTestId('devices').locator('summary').tap();
		await remote.getByLabel('Code on the projector').fill(typed);
		await remote.getByLabel('Name for it').fill('Room 3 projector');
		await remote.getByRole('button', { name: 'Pair', exact: true }).tap();
		await expect(remote.getByRole('status').filter({ hasText: 'is paired' })).toBeVisible();
		await expect(remote.getByTestId('device-label').filter({ hasText: 'Room 3 projector' })).toBeVisible();

		await expect(projector).toHaveURL(new RegExp(`/g/${group.groupId}/display$`));
		await expect(projector.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');
		await expect(projector.getByText('Monday drop-in')).toBeVisible();
		// a reload of the projector keeps it paired
		await projector.reload();
		await expect(projector.getByText('Monday drop-in')).toBeVisible();
	} finally {
		await projectorContext.close();
		await devices.close();
	}
});

test('[R42] a display removed while it shows the group says so, shows nothing of the group, and stays out', async ({ browser, request }) => {
	const devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'));
	const { remote, display } = devices;
	try {
		await remote.getByTestId('session-start').tap();
		await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'session');

		await remote.getByTestId('devices').locator('summary').tap();
		const projectorRow = remote.getByTestId('device').filter({ has: remote.getByText('Projector', { exact: true }) });
		await projectorRow.getByRole('button', { name: 'Remove' }).tap();
		await remote.getByRole('button', { name: 'Yes, remove' }).tap();
		await expect(remote.getByTestId('device').filter({ has: remote.getByText('Projector', { exact: true }) })).toHaveCount(0);

		await expect(display.getByTestId('not-paired')).toHaveText(/removed this device/);
		await expect(display.getByText('Monday drop-in')).toHaveCount(0);
		await display.reload();
		await expect(display.getByTestId('not-paired')).toBeVisible();
	} finally {
		await devices.close();
	}
});

test('[R44] a co-facilitator joins with a one-time invite code shown on the facilitator’s phone', async ({ browser, request }) => {
	const devices = await openDevices(browser, await createGroup(request, 'Monday drop-in'));
	const { remote, display } = devices;
	const laptopContext = await browser.newContext({ viewport: VIEWPORT.laptop });
	const laptop = await laptopContext.newPage();
	try {
		await remote.getByTestId('devices').locator('summary').tap();
		await remote.getByLabel('Whose device?').fill("Kim's laptop");
		await remote.getByRole('button', { name: 'Make invite code' }).tap();
		const code = (await remote.getByTestId('invite-code').textContent())!;
		expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
		await expect(display.getByText(code)).toHaveCount(0); // never on the projector

		await laptop.goto('/join');
		await laptop.getByLabel('Invite code').fill(code);
		await laptop.getByLabel('a laptop (desk)').check();
		await laptop.getByRole('button', { name: 'Join' }).click();
		await expect(laptop).toHaveURL(/\/desk$/);
		await expectConnected(laptop);
		await expect(remote.getByTestId('device-label').filter({ hasText: "Kim's laptop" })).toBeVisible();

		// the code worked once
		const again = await (await browser.newContext({ ...playwrightDevices['Desktop Chrome'] })).newPage();
		await again.goto('/join');
		await again.getByLabel('Invite code').fill(code);
		await again.getByRole('button', { name: 'Join' }).click();
		await expect(again.getByRole('alert')).toContainText('did not work');
		await again.context().close();
	} finally {
		await laptopContext.close();
		await devices.close();
	}
});
