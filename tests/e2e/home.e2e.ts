/** The home page: a facilitator makes the group and gets one link per device. */
import { expect, test } from '@playwright/test';
import { CONTROLS, local } from './helpers.ts';

test('a group made on the home page gives a display, a remote and a desk link that each pair their device', async ({ browser, baseURL }) => {
	const context = await browser.newContext();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	try {
		const page = await context.newPage();
		await page.goto('/');
		await expect(page).toHaveTitle('Roomcast: start a group');
		await page.getByLabel('Group name').fill('Monday drop-in');
		await page.getByRole('button', { name: 'Create group' }).click();

		await expect(page.getByRole('heading', { name: 'Links for Monday drop-in' })).toBeVisible();
		await expect(page.getByText('Open the display link on the projector laptop.')).toBeVisible();
		await expect(page.getByText('Open the remote link on your phone.')).toBeVisible();
		const links: Record<string, string> = {};
		for (const kind of ['display', 'remote', 'desk'] as const) {
			const label = kind[0].toUpperCase() + kind.slice(1);
			const field = page.getByRole('textbox', { name: new RegExp(`^${label} link`) });
			links[kind] = await field.inputValue();
			expect(links[kind]).toMatch(new RegExp(`/g/[^/]+/${kind}#key=.+`));
			const open = page.getByRole('link', { name: `Open the ${label} link` });
			await expect(open).toHaveAttribute('href', links[kind]);
			await expect(open).toHaveAttribute('target', '_blank');
		}

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
