/**
 * Draws the app's icons (static/icons/*.png) from the same picture as static/favicon.svg, in
 * Chromium: `node --import tsx scripts/make-icons.ts`. Run once after changing the picture, and commit
 * the PNGs (the build does not draw them).
 *
 * - icon-192.png, icon-512.png: the favicon as it is, rounded corners on a transparent ground.
 * - maskable-512.png: the ground to the edges, the ring well inside the safe circle (80 % of the
 *   width), so a phone can cut it to a circle, a squircle or a square.
 * - apple-touch-icon.png (180): the ground to the edges; iOS rounds the corners itself.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const GROUND = '#0d1b2a';
const RING = '#ffd166';

function picture(rounded: boolean): string {
	const corner = rounded ? 6 : 0;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="${corner}" fill="${GROUND}"/><circle cx="16" cy="16" r="8" fill="none" stroke="${RING}" stroke-width="3"/></svg>`;
}

const ICONS = [
	{ file: 'icon-192.png', size: 192, rounded: true },
	{ file: 'icon-512.png', size: 512, rounded: true },
	{ file: 'maskable-512.png', size: 512, rounded: false },
	{ file: 'apple-touch-icon.png', size: 180, rounded: false }
];

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox'] });
try {
	mkdirSync('static/icons', { recursive: true });
	for (const icon of ICONS) {
		const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
		await page.setContent(
			`<html><body style="margin:0;background:transparent">${picture(icon.rounded).replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" style="display:block" `)}</body></html>`
		);
		await page.screenshot({ path: `static/icons/${icon.file}`, omitBackground: true });
		await page.close();
		console.log(`static/icons/${icon.file}`);
	}
} finally {
	await browser.close();
}
