/**
 * Two languages: the display speaks the group's (English, Spanish, or both), each phone and laptop
 * its own; what people type is shown as typed.
 */
import { expect, test } from '@playwright/test';
import { createGroup, expectFitsOneScreen, openDevices, typeAndEnter, VIEWPORT, type Devices } from './helpers.ts';

let devices: Devices;

test.beforeEach(async ({ browser, request }) => {
	devices = await openDevices(browser, await createGroup(request, 'Grupo del lunes'));
});

test.afterEach(async () => {
	await devices.close();
});

test('[R29] the display speaks the group\'s language: Spanish, or English with the Spanish under it; names stay as typed', async () => {
	const { display, remote, desk } = devices;
	const html = display.locator('html');
	const languages = desk.getByTestId('display-language');

	await test.step('Spanish: the welcome, the agreements and the states, with <html lang="es">', async () => {
		await languages.getByLabel('Español', { exact: true }).check();
		await expect(display.getByTestId('welcome')).toContainText('Bienvenidos');
		await expect(display.getByTestId('welcome')).toContainText('Todos son bienvenidos, tal como son');
		await expect(display.getByTestId('group-name')).toHaveText('Grupo del lunes');
		await expect(html).toHaveAttribute('lang', 'es');
		await expect(display).toHaveTitle('Pantalla de Roomcast');

		await remote.getByTestId('session-start').tap();
		await expect(display.getByTestId('agreements')).toContainText('Nuestros acuerdos');
		await expect(display.getByTestId('agreements').locator('li')).toHaveText([
			'Entren y salgan cuando lo necesiten',
			'Pidan permiso antes de dar comentarios',
			'No se permiten amenazas de ningún tipo'
		]);
		await remote.getByLabel('Name, as given').fill('Franco');
		await remote.getByRole('button', { name: 'Set speaker' }).tap();
		await expect(display.getByTestId('speaker')).toHaveText('Franco');
		await expect(display.getByText('Habla ahora')).toBeVisible();
		await expect(display.getByTestId('permission')).toHaveText('Aún no se ha preguntado');
		await remote.getByTestId('permission-declined').tap();
		await expect(display.getByTestId('permission')).toHaveText('Solo escuchando');
		// an empty board is not drawn [R61]: the first item puts it up, with its default title and headings
		await expect(display.getByTestId('board-title')).toHaveCount(0);
		await typeAndEnter(desk.getByLabel(/^New item for/), 'Helps me clean the apartment');
		await expect(display.getByTestId('board-title')).toHaveText('Balance de decisiones');
		await expect(display.getByTestId('column-left').getByRole('heading')).toHaveText('Lo bueno');
	});

	await test.step('what people type is shown as typed, in any language', async () => {
		await typeAndEnter(desk.getByLabel('Board title'), 'Speed / la cristal');
		await expect(display.getByTestId('board-title')).toHaveText('Speed / la cristal');
	});

	await test.step('both: English first, the Spanish line under it, smaller, and it still fits', async () => {
		await desk.getByTestId('group-settings').getByText('Group settings').click(); // folded away while a session runs
		await languages.getByLabel('English + Español').check();
		await expect(html).toHaveAttribute('lang', 'en');
		const label = display.getByTestId('speaker').locator('xpath=..').getByRole('heading');
		await expect(label).toHaveText(/^\s*Speaking now\s*Habla ahora\s*$/);
		const spanish = label.locator('[lang="es"]');
		await expect(spanish).toHaveText('Habla ahora');
		const [big, small] = await Promise.all([
			label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
			spanish.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
		]);
		expect(small).toBeLessThan(big);
		await expect(display.getByTestId('permission')).toHaveText(/Just listening\s*Solo escuchando/);
		for (const size of [VIEWPORT.smallProjector, { width: 1024, height: 768 }]) {
			await display.setViewportSize(size);
			await expectFitsOneScreen(display);
		}
	});
});

test('each phone and laptop keeps its own language; the display does not follow it', async () => {
	const { display, remote, desk } = devices;
	// on the phone the language is folded away with what is used rarely
	await expect(remote.getByTestId('language-fold').locator('summary')).toHaveText(/^Language\s*·\s*English$/);
	await remote.getByTestId('language-fold').locator('summary').tap();
	await test.step('the switch is one row, even on a 360 px phone', async () => {
		await remote.setViewportSize({ width: 360, height: 640 });
		await expect(remote.getByTestId('device-language').getByRole('button')).toHaveCount(2);
		const boxes = await remote.getByTestId('device-language').getByRole('button').evaluateAll((buttons) =>
			buttons.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, right: r.right, height: r.height }))
		);
		expect(boxes).toHaveLength(2);
		expect(boxes[0].top).toBe(boxes[1].top);
		for (const box of boxes) expect(box.right).toBeLessThanOrEqual(360);
		for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(48);
	});
	await remote.getByTestId('device-language').getByRole('button', { name: 'Español' }).tap();
	await expect(remote.getByTestId('language-fold').locator('summary')).toHaveText(/^Idioma\s*·\s*Español$/);
	await expect(remote.locator('html')).toHaveAttribute('lang', 'es');
	await expect(remote.getByTestId('session-start')).toHaveText('Empezar la sesión');
	await expect(remote).toHaveTitle('Control · Roomcast');
	await expect(desk.getByTestId('session-start')).toHaveText('Start session');
	await expect(display.getByTestId('welcome')).toContainText('Welcome');

	await remote.reload();
	await expect(remote.getByTestId('session-start')).toHaveText('Empezar la sesión');
	await expect(remote.getByTestId('language-fold')).not.toHaveAttribute('open', '');
	await remote.getByTestId('session-start').tap();
	await expect(remote.getByTestId('opening-words')).toContainText('Aquí todos son bienvenidos tal como son');
	await expect(remote.getByRole('button', { name: 'Llegó alguien' })).toBeVisible();
	await expect(desk.getByTestId('opening-words')).toContainText('Everyone is welcome here just as you are');

	await remote.getByTestId('language-fold').locator('summary').tap();
	await remote.getByTestId('device-language').getByRole('button', { name: 'English' }).tap();
	await expect(remote.locator('html')).toHaveAttribute('lang', 'en');
	await expect(remote.getByRole('button', { name: 'Someone came in' })).toBeVisible();
});
