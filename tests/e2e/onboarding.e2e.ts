/**
 * From nothing to three devices (issue 11, section 1): QR codes drawn on the page and read back from
 * screenshots as a phone's camera would, a projector paired by scanning its code, a phone that runs
 * two groups, and the same pages in Spanish.
 */
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { expectConnected, seriousAxeViolations, VIEWPORT } from './helpers.ts';
import { expectListed, scanQr } from './qr.ts';

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function open(browser: Browser, options: BrowserContextOptions, path: string): Promise<Page> {
	const page = await (await browser.newContext(options)).newPage();
	await page.goto(path);
	return page;
}

/** Makes a group on the home page of `page`, which may already hold others. */
async function makeGroup(page: Page, name: string): Promise<void> {
	const another = page.getByRole('button', { name: 'Make another group' });
	if (await another.isVisible()) await another.click();
	await page.getByLabel('Group name').fill(name);
	await page.getByRole('button', { name: 'Create group' }).click();
	await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

test('[R43][R48] from opening / on a phone to the group on the projector: 4 inputs (at most 6), no link typed', async ({ browser }) => {
	const projector = await open(browser, { viewport: VIEWPORT.smallProjector }, '/display');
	const phone = await open(browser, PHONE, '/');
	const requested: string[] = [];
	for (const page of [phone, projector]) page.on('request', (r) => requested.push(r.url()));
	let inputs = 0;
	const input = <T>(action: Promise<T>): Promise<T> => ((inputs += 1), action);
	try {
		await input(phone.getByLabel('Group name').fill('Monday drop-in'));
		await input(phone.getByRole('button', { name: 'Create group' }).tap());
		await expect(phone.getByTestId('my-group')).toBeVisible();

		// the phone's camera reads the projector's screen, and the phone opens what it read
		const code = (await projector.getByTestId('pairing-code').textContent())!;
		const scanned = await input(scanQr(projector));
		expect(scanned).toBe(`${new URL(projector.url()).origin}/pair#code=${code.replace('-', '')}`);
		await phone.goto(scanned);
		await expect(phone.getByLabel('Code on the screen')).toHaveValue(code);
		expect(phone.url(), 'the code leaves the address bar').not.toContain('#');
		await expect(phone.getByRole('radio', { name: 'Monday drop-in' })).toBeChecked();
		await expect(phone.getByLabel('Name for the screen')).toHaveValue('Projector');
		await input(phone.getByRole('button', { name: 'Pair this screen' }).tap());

		// the welcome screen shows the group's name: its key arrived with the pairing [R48]
		await expect(projector.getByTestId('group-name')).toHaveText('Monday drop-in');
		await expect(phone.getByTestId('pair-done')).toContainText('“Projector” shows Monday drop-in now.');
		expect(inputs).toBe(4);
		expect(inputs).toBeLessThanOrEqual(6);
		expect(requested.filter((url) => url.includes('#') || url.includes(code.replace('-', ''))), 'no request carries a fragment or the code in its address').toEqual([]);

		// the phone offers its remote next, already paired
		await phone.getByRole('link', { name: 'Open the remote' }).tap();
		await expectConnected(phone);
	} finally {
		await phone.context().close();
		await projector.context().close();
	}
});

test('the QR codes on the home page, drawn on the laptop, open the remote on a phone and the display on a projector', async ({ browser }) => {
	const laptop = await open(browser, { viewport: VIEWPORT.laptop }, '/');
	const phone = await (await browser.newContext(PHONE)).newPage();
	const projector = await (await browser.newContext({ viewport: VIEWPORT.projector })).newPage();
	// what the laptop asks of any server, address and body, from the moment the links exist
	const asked: string[] = [];
	laptop.on('request', (r) => asked.push(`${r.url()} ${r.postData() ?? ''}`));
	try {
		await makeGroup(laptop, 'Monday drop-in');
		const links = await Promise.all(['Remote', 'Display', 'Desk'].map((name) => laptop.getByRole('textbox', { name: new RegExp(`^${name} link`) }).inputValue()));
		const secrets = links.flatMap((link) => [...new URLSearchParams(new URL(link).hash.slice(1)).values()]);
		expect(secrets.length).toBeGreaterThanOrEqual(6);
		const remote = await scanQr(laptop.getByTestId('qr-remote'));
		expect(remote).toBe(await laptop.getByRole('textbox', { name: /^Remote link/ }).inputValue());
		expect(remote).toMatch(/\/g\/[^/]+\/remote#key=[\w%-]+&k=[\w-]{43}$/);
		await phone.goto(remote);
		await expectConnected(phone);
		await expect(phone.getByText('Monday drop-in')).toBeVisible();

		const display = await scanQr(laptop.getByTestId('qr-display'));
		expect(display).toBe(await laptop.getByRole('textbox', { name: /^Display link/ }).inputValue());
		await projector.goto(display);
		await expect(projector.getByTestId('group-name')).toHaveText('Monday drop-in');
		expect(await scanQr(laptop.getByTestId('qr-desk'))).toBe(await laptop.getByRole('textbox', { name: /^Desk link/ }).inputValue());
		// the codes were drawn from the links on the laptop itself: no secret of theirs went out in a request
		for (const secret of secrets) expect(asked.filter((r) => r.includes(secret) || r.includes(encodeURIComponent(secret)))).toEqual([]);
	} finally {
		for (const page of [laptop, phone, projector]) await page.context().close();
	}
});

test('[R43] a phone that runs two groups picks one when it scans a projector; a code typed by hand works too', async ({ browser }) => {
	const phone = await open(browser, PHONE, '/');
	const laptop = await open(browser, { viewport: VIEWPORT.laptop }, '/');
	const projector = await open(browser, { viewport: VIEWPORT.smallProjector }, '/display');
	const second = await open(browser, { viewport: { width: 1024, height: 768 } }, '/display');
	try {
		await makeGroup(phone, 'Monday drop-in');
		// the other group was made on a laptop; the phone opens its remote from the laptop's QR code
		await makeGroup(laptop, 'Wednesday group');
		await phone.goto(await scanQr(laptop.getByTestId('qr-remote')));
		await expectConnected(phone);
		await expectListed(phone, 'Wednesday group');

		await phone.goto(await scanQr(projector));
		const groups = phone.getByRole('radio');
		await expect(groups).toHaveCount(2);
		await expect(phone.getByRole('radio', { name: 'Wednesday group' }), 'the last used is preselected').toBeChecked();
		await phone.getByRole('radio', { name: 'Monday drop-in' }).tap();
		await phone.getByRole('button', { name: 'Pair this screen' }).tap();
		await expect(projector.getByTestId('group-name')).toHaveText('Monday drop-in');
		await expect(projector).toHaveURL(/\/g\/[^/]+\/display$/);

		// typed: the phone opens /pair itself; the group it just paired is now the last used
		await phone.goto('/pair');
		await expect(phone.getByLabel('Code on the screen')).toHaveValue('');
		await expect(phone.getByRole('radio', { name: 'Monday drop-in' })).toBeChecked();
		await phone.getByLabel('Code on the screen').fill((await second.getByTestId('pairing-code').textContent())!.toLowerCase());
		await phone.getByLabel('Name for the screen').fill('Room 3 projector');
		await phone.getByRole('button', { name: 'Pair this screen' }).tap();
		await expect(second.getByTestId('group-name')).toHaveText('Monday drop-in');
		await expect(phone.getByRole('status')).toHaveText('“Room 3 projector” shows Monday drop-in now.');

		// a code that does not work is said in words, and nothing is paired
		await phone.getByRole('button', { name: 'Pair another screen' }).tap();
		await phone.getByLabel('Code on the screen').fill('ZZZZ-ZZZZ');
		await phone.getByRole('button', { name: 'Pair this screen' }).tap();
		await expect(phone.getByRole('alert')).toContainText('That code did not work');

		// another scan while /pair is open changes only the fragment: the page takes the new code
		await phone.evaluate(() => (location.hash = 'code=abcd2345'));
		await expect(phone.getByLabel('Code on the screen')).toHaveValue('ABCD-2345');
		await expect(phone.getByRole('alert')).toBeEmpty();
		expect(phone.url()).not.toContain('#');
	} finally {
		for (const page of [phone, laptop, projector, second]) await page.context().close();
	}
});

test('/pair on a device that runs no group says so and what to do', async ({ page }) => {
	await page.goto('/pair#code=K7PD3MXA');
	await expect(page.getByTestId('pair-no-groups')).toContainText('This device does not run a group yet.');
	await expect(page.getByTestId('pair-no-groups')).toContainText('Open your remote link on this phone first');
	await expect(page.getByRole('link', { name: 'Make a group' })).toHaveAttribute('href', '/');
	expect(page.url()).not.toContain('K7PD3MXA');
});

test('the pairing screen says its code lives 10 minutes and draws a QR code big enough to scan across a room', async ({ browser }) => {
	for (const viewport of [VIEWPORT.smallProjector, { width: 1024, height: 768 }, VIEWPORT.projector]) {
		const projector = await open(browser, { viewport }, '/display');
		await expect(projector.getByTestId('pairing-expires')).toHaveText('A new code comes in 10 minutes.');
		const qr = projector.getByTestId('pairing-qr');
		const box = (await qr.boundingBox())!;
		expect(box.height, 'at least 40% of the screen height').toBeGreaterThanOrEqual(viewport.height * 0.4);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
		// the test server is on 127.0.0.1, which a phone could not open: the screen says so
		await expect(projector.getByTestId('pairing-local')).toContainText('a phone cannot open its code');
		expect(await projector.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
		await projector.context().close();
	}
});

test('Spanish browsers get home, join, pair and the pairing screen in Spanish; the switch changes it and is kept', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'es-US', viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	try {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Crear un grupo' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page).toHaveTitle('Roomcast: crear un grupo');
		// the switch holds on one line at 360 px
		const [english, spanish] = [page.getByRole('button', { name: 'English' }), page.getByRole('button', { name: 'Español' })];
		expect((await english.boundingBox())!.y).toBe((await spanish.boundingBox())!.y);
		await expect(spanish).toHaveAttribute('aria-pressed', 'true');

		await page.goto('/join');
		await expect(page.getByRole('heading', { name: 'Unirse a un grupo como facilitador' })).toBeVisible();
		await page.goto('/pair');
		await expect(page.getByRole('heading', { name: 'Vincular una pantalla' })).toBeVisible();
		await expect(page.getByTestId('pair-no-groups')).toContainText('Este dispositivo todavía no dirige ningún grupo.');
		await page.goto('/display');
		await expect(page.getByTestId('pairing-expires')).toHaveText('En 10 minutos llega un código nuevo.');
		await expect(page.getByRole('heading', { name: 'Vincular esta pantalla' })).toBeVisible();

		await page.getByRole('button', { name: 'English' }).tap();
		await expect(page.getByRole('heading', { name: 'Pair this screen' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Start a group' })).toBeVisible();
		await page.getByRole('button', { name: 'Español' }).tap();
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Crear un grupo' })).toBeVisible();
	} finally {
		await context.close();
	}
});

test('home (before and after creating), join, pair and the pairing screen have no serious accessibility problem', async ({ browser }) => {
	const phone = await open(browser, PHONE, '/');
	const projector = await open(browser, { viewport: VIEWPORT.smallProjector }, '/display');
	try {
		expect(await seriousAxeViolations(phone), 'home').toEqual([]);
		await makeGroup(phone, 'Monday drop-in');
		await expect(phone.locator('[data-drawn="false"]')).toHaveCount(0);
		expect(await seriousAxeViolations(phone), 'home with a group').toEqual([]);
		await phone.goto(await scanQr(projector));
		await expect(phone.getByTestId('pair-approval')).toBeVisible();
		expect(await seriousAxeViolations(phone), 'pair').toEqual([]);
		await expect(projector.getByTestId('pairing-qr')).toHaveAttribute('data-drawn', 'true');
		expect(await seriousAxeViolations(projector), 'pairing screen').toEqual([]);
		await phone.goto('/join');
		expect(await seriousAxeViolations(phone), 'join').toEqual([]);
	} finally {
		await phone.context().close();
		await projector.context().close();
	}
});
