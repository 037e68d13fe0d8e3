/**
 * Issue 12 §4: an installable remote that survives a dead network. Each device page links a manifest
 * that Chromium reads without error (name, icons, start_url, display mode), and the service worker
 * keeps the app shell: a remote reloaded with the network off opens from the cache, says it is
 * offline, keeps its outbox and sends it once the network is back; the cache holds no group data.
 */
import { expect, test, type Page } from '@playwright/test';
import { createGroup, expectConnected, expectSettled, local, openDevices, sendAllWithLink, type Devices } from './helpers.ts';

let devices: Devices | undefined;
test.afterEach(async () => {
	await devices?.close();
	devices = undefined;
});

/** Width and height of a PNG, from its header. */
function pngSize(bytes: Buffer): [number, number] {
	expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG').toBe('PNG');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The service worker has installed (the shell is cached) and controls the page. */
async function shellCached(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('each device page links a manifest Chromium reads without error: name, icons, start_url, display mode', async ({ browser, request }) => {
	const group = await createGroup(request, 'Monday drop-in');
	const context = await browser.newContext();
	try {
		for (const [device, mode] of [['remote', 'standalone'], ['desk', 'standalone'], ['display', 'fullscreen']] as const) {
			const link = group.links[device];
			const page = await context.newPage();
			await page.goto(local(link));
			await expect(page.getByTestId(device === 'display' ? 'display' : 'connection')).toBeVisible();
			const href = await page.locator('link[rel="manifest"]').getAttribute('href');
			const path = new URL(link).pathname;
			expect(href).toBe(`${path}/manifest.webmanifest`);

			// what Chromium makes of it, as it would to offer "Install" or "Add to Home screen"
			const cdp = await context.newCDPSession(page);
			const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
			expect(parsed.url).toContain(href!);
			expect(parsed.errors, `${device}: the manifest parses cleanly`).toEqual([]);
			// and nothing stands in the way of installing it (a test's browser context is always incognito)
			const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
			expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), `${device} is installable`).toEqual([]);

			const response = await request.get(href!);
			expect(response.headers()['content-type']).toBe('application/manifest+json');
			const text = await response.text();
			const manifest = JSON.parse(text);
			expect(manifest).toMatchObject({ id: path, start_url: path, scope: `/g/${group.groupId}/`, display: mode, lang: 'en' });
			expect(manifest.name).toBe({ remote: 'Remote · Roomcast', desk: 'Desk · Roomcast', display: 'Roomcast display' }[device]);
			expect(manifest.short_name.length, 'fits under an icon').toBeLessThanOrEqual(12);
			// never a credential, a key or the group's name: only the id the address already shows
			const secrets = new URL(link).hash.slice(1).split('&').map((kv) => decodeURIComponent(kv.split('=')[1]));
			for (const secret of [...secrets, 'Monday drop-in']) expect(text).not.toContain(secret);

			const sizes: string[] = [];
			for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
				const file = await request.get(icon.src);
				expect(file.status(), icon.src).toBe(200);
				expect(file.headers()['content-type']).toContain(icon.type);
				if (icon.type === 'image/png') {
					const [width, height] = pngSize(await file.body());
					expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
				}
				sizes.push(`${icon.sizes} ${icon.purpose}`);
			}
			expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
			await page.close();
		}
	} finally {
		await context.close();
	}
	const spanish = await request.get(`${new URL(group.links.remote).pathname}/manifest.webmanifest`, { headers: { 'accept-language': 'es-US,es;q=0.9,en;q=0.8' } });
	expect(await spanish.json()).toMatchObject({ name: 'Control · Roomcast', short_name: 'Control', lang: 'es' });
});

test('[R50] a remote reloaded with the network off opens from the cache, says so, keeps its outbox, and sends it once back', async ({ browser, request }) => {
	const group = await createGroup(request, 'Riverside Monday circle');
	devices = await openDevices(browser, group);
	const { remote, display } = devices;
	await sendAllWithLink(group.links.remote, [{ type: 'session.start' }, { type: 'agreements.show', on: false }, { type: 'queue.add', name: 'Tasha' }]);
	await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/]);
	await shellCached(remote);

	await test.step('the Wi-Fi drops: Kurt waits in the outbox', async () => {
		await remote.context().setOffline(true);
		await expect(remote.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
		await remote.getByLabel('Name to add').fill('Kurt');
		await remote.getByLabel('Name to add').press('Enter');
		await expect(remote.getByTestId('queue-sending')).toContainText('Kurt');
	});

	await test.step('reloaded with no network, the page opens from the cache and says it is offline', async () => {
		const response = await remote.reload();
		expect(response?.fromServiceWorker(), 'served by the service worker').toBe(true);
		await expect(remote).toHaveTitle('Remote · Roomcast');
		await expect(remote.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
		await expect(remote.getByTestId('connection')).toContainText('Offline');
		await expect(remote.getByTestId('pending')).toHaveAttribute('data-count', '1');
		await expect(remote.getByTestId('pending')).toHaveText('1 sending…');
		// no copy of the room is kept on the phone: the page says what it waits for, not a blank page
		await expect(remote.getByTestId('waiting-for-group')).toContainText('Waiting for the network');
		await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/]);
	});

	await test.step('the network is back: the outbox goes, and the projector shows Kurt', async () => {
		await remote.context().setOffline(false);
		await expectConnected(remote);
		await expect(remote.getByTestId('waiting-for-group')).toHaveCount(0);
		await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/]);
		await expectSettled(remote);
		await expect(remote.getByTestId('queue-list').locator('li')).toHaveCount(2);
	});

	await test.step('the cache holds this build only, and nothing of the group: no API, socket, credential or name', async () => {
		const cached = await remote.evaluate(async () => {
			const keys = await caches.keys();
			const entries: { url: string; body: string }[] = [];
			for (const key of keys) {
				const cache = await caches.open(key);
				for (const request of await cache.keys()) {
					const response = await cache.match(request);
					const type = response?.headers.get('content-type') ?? '';
					// a cached response keeps the address it came from too: that must not name the group either
					entries.push({ url: `${request.url} ${response?.url ?? ''}`, body: /html|json|javascript/.test(type) ? await response!.text() : '' });
				}
			}
			const { version } = await (await fetch('/_app/version.json')).json();
			return { keys, entries, version: version as string };
		});
		expect(cached.keys).toEqual([`roomcast-${cached.version}`]);
		expect(cached.entries.length).toBeGreaterThan(10);
		const secrets = new URL(group.links.remote).hash.slice(1).split('&').map((kv) => decodeURIComponent(kv.split('=')[1]));
		for (const entry of cached.entries) {
			expect(entry.url).not.toMatch(/\/(api|socket\.io|healthz)\b|manifest\.webmanifest/);
			for (const secret of [...secrets, group.groupId, 'Riverside Monday circle', 'Tasha', 'Kurt']) expect(entry.url + entry.body, entry.url).not.toContain(secret);
		}
	});
});
