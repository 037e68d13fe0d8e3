/**
 * For the tests of getting a room going: reads a QR code the way a phone's camera would, from a
 * screenshot of what the page drew (a whole screen, or the part a camera is pointed at), decoded by
 * jsQR, a decoder independent of the encoder the pages use; and waits for a device to list a group.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the one QR code in view; waits until the page has drawn its codes. */
export async function scanQr(view: Page | Locator): Promise<string> {
	const page = 'page' in view ? view.page() : view;
	await expect(page.locator('[data-drawn="false"]'), 'every QR code is drawn').toHaveCount(0);
	const png = PNG.sync.read(await view.screenshot());
	const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
	expect(found, 'a QR code can be read from the screen').not.toBeNull();
	return found!.data;
}

/** The remote or desk open on `page` has listed its group, under its name, among this device's groups. */
export async function expectListed(page: Page, name: string): Promise<void> {
	await expect.poll(() => page.evaluate(() => localStorage.getItem('roomcast:groups') ?? ''), { message: `${name} is listed` }).toContain(JSON.stringify(name));
}
