/**
 * The home page: a facilitator makes a group and gets one link (and one QR code) per device; the
 * groups this browser can run stay listed until it forgets them.
 */
import { expect, test } from '@playwright/test';
import { CONTROLS, createGroup, expectConnected, local } from './helpers.ts';
import { expectListed, scanQr } from './qr.ts';

test('a group made on the home page gives a display, a remote and a desk link that each pair their device', async ({ browser, baseURL }) => {
	const context = await browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	try {
		const page = await context.newPage();
		await page.goto('/');
		await expect(page).toHaveTitle('Roomcast: start a group');
		await page.getByLabel('Group name').fill('Monday drop-in');
		await page.getByRole('button', { name: 'Create group' }).click();

		await expect(page.getByRole('heading', { name: 'Monday drop-in' })).toBeVisible();
		await expect(page.getByText('Keep these links private')).toBeVisible();
		await expect(page.getByText("Scan it with your phone's camera")).toBeVisible();
		await expect(page.getByText(`On the projector, open ${baseURL}/display and scan the code it shows`)).toBeVisible();
		const links: Record<string, string> = {};
		for (const kind of ['display', 'remote', 'desk'] as const) {
			const label = kind[0].toUpperCase() + kind.slice(1);
			const field = page.getByRole('textbox', { name: new RegExp(`^${label} link`) });
			links[kind] = await field.inputValue();
			expect(links[kind]).toMatch(new RegExp(`/g/[^/]+/${kind}#key=.+`));
			const open = page.getByRole('link', { name: `Open the ${label} link` });
			await expect(open).toHaveAttribute('href', links[kind]);
			await expect(open).toHaveAttribute('target', '_blank');
			await expect(page.getByRole('img', { name: `QR code of the ${label} link` })).toBeVisible();
		}
		// the remote comes first, with the biggest code: it is the one a phone scans
		const sizes = await Promise.all(['remote', 'display', 'desk'].map(async (kind) => (await page.getByTestId(`qr-${kind}`).boundingBox())!));
		expect(sizes[0].width).toBeGreaterThan(sizes[1].width);
		expect(sizes[0].y).toBeLessThan(sizes[1].y);
		expect(sizes[1].y).toBeLessThan(sizes[2].y);

		await page.getByRole('button', { name: 'Copy the Remote link' }).click();
		await expect(page.getByTestId('link-remote')).toContainText('Copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links.remote);

		const projector = await context.newPage();
		await projector.goto(local(links.display));
		await expect(projector.getByTestId('group-name')).toHaveText('Monday drop-in');
		await expect(projector.locator(CONTROLS)).toHaveCount(0);
	} finally {
		await context.close();
	}
});

test('an error from the API is shown in words', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Create group' }).click();
	await expect(page.getByRole('alert')).toContainText('Give the group a name.');
	await expect(page.getByLabel('Group name')).toHaveAttribute('aria-invalid', 'true');
});

test('a reload finds the groups again with their links and codes; another group is made only when asked; a group can be forgotten here', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Group name').fill('Monday drop-in');
	await page.getByRole('button', { name: 'Create group' }).click();
	const monday = page.getByTestId('my-group').filter({ has: page.getByRole('heading', { name: 'Monday drop-in' }) });
	const mondayRemote = await monday.getByRole('textbox', { name: /^Remote link/ }).inputValue();
	// the button that made it is gone: a second click cannot silently replace the links
	await expect(page.getByRole('button', { name: 'Create group' })).toHaveCount(0);

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your groups' })).toBeVisible();
	await expect(monday.getByRole('textbox', { name: /^Remote link/ })).toHaveValue(mondayRemote);
	expect(await scanQr(monday.getByTestId('qr-remote'))).toBe(mondayRemote);

	await page.getByRole('button', { name: 'Make another group' }).click();
	await expect(page.getByLabel('Group name')).toBeFocused();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByLabel('Group name')).toHaveCount(0);
	await page.getByRole('button', { name: 'Make another group' }).click();
	await page.getByLabel('Group name').fill('Wednesday group');
	await page.getByRole('button', { name: 'Create group' }).click();
	await expect(page.getByTestId('my-group')).toHaveCount(2);
	await expect(monday.getByRole('textbox', { name: /^Remote link/ })).toHaveValue(mondayRemote);

	// after a reload the last made is open first; the other waits folded
	await page.reload();
	await expect(page.getByTestId('my-group').first()).toContainText('Wednesday group');
	await expect(page.locator('details[open][data-testid="my-group"]')).toHaveCount(1);

	const mondayId = (await monday.getAttribute('data-group-id'))!;
	await monday.locator('summary').click();
	await monday.getByRole('button', { name: 'Forget on this device' }).click();
	await expect(monday.getByRole('group', { name: 'Forget on this device' })).toContainText('Forget Monday drop-in on this device?');
	await monday.getByRole('button', { name: 'Yes, forget it here' }).click();
	await expect(page.getByTestId('my-group')).toHaveCount(1);
	await page.reload();
	await expect(page.getByTestId('my-group')).toHaveCount(1);
	const kept = await page.evaluate((id) => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.includes(id)), mondayId);
	expect(kept, 'nothing of the forgotten group stays in this browser').toEqual([]);

	await page.getByRole('button', { name: 'Forget on this device' }).click();
	await page.getByRole('button', { name: 'Yes, forget it here' }).click();
	await expect(page.getByRole('heading', { name: 'Start a group' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Create group' })).toBeVisible();
});

test('a phone that opened its remote link finds the group on its home page, with the remote link only', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })).newPage();
	try {
		await phone.goto(local(group.links.remote));
		await expectConnected(phone);
		await expectListed(phone, 'Monday drop-in');
		await phone.goto('/');
		const card = phone.getByTestId('my-group');
		await expect(card.getByRole('heading', { name: 'Monday drop-in' })).toBeVisible();
		await expect(card.getByRole('textbox')).toHaveCount(1);
		await expect(card.getByRole('link', { name: 'Open the Remote link' })).toHaveAttribute('href', new RegExp(`/g/${group.groupId}/remote#key=`));
	} finally {
		await phone.context().close();
	}
});
