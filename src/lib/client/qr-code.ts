/**
 * QR codes drawn on the device from a link: a link's fragment holds secrets, so the code is made
 * here and never asked of a server. The encoder (`qr`, by the author of the @noble libraries we
 * already use) loads only when a page first draws a code.
 */
export type QrErrorCorrection = 'low' | 'medium' | 'quartile' | 'high';

/** The white margin scanners need around the code, in modules (the standard's minimum). */
export const QUIET_ZONE_MODULES = 4;

export interface QrDrawing {
	/** Width and height of the whole drawing in modules, quiet zone included. */
	size: number;
	/** One SVG path of the dark modules, one unit per module. */
	path: string;
}

/** The drawing of `text` for an SVG with `viewBox="0 0 size size"`. */
export async function drawQr(text: string, ecc: QrErrorCorrection = 'medium'): Promise<QrDrawing> {
	const { default: encodeQR } = await import('qr');
	const rows = encodeQR(text, 'raw', { ecc, border: QUIET_ZONE_MODULES });
	return { size: rows.length, path: pathOf(rows) };
}

/** Each run of dark modules in a row becomes one rectangle: a few hundred bytes, crisp at any size. */
export function pathOf(rows: readonly (readonly boolean[])[]): string {
	const parts: string[] = [];
	rows.forEach((row, y) => {
		for (let x = 0; x < row.length; x++) {
			if (!row[x]) continue;
			const start = x;
			while (x + 1 < row.length && row[x + 1]) x++;
			parts.push(`M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`);
		}
	});
	return parts.join('');
}

/** An address only this computer can open (localhost): a phone that scans a code of it gets nowhere. */
export function isLoopback(origin: string): boolean {
	return /^(localhost|127(\.\d+){3}|\[::1\])$/.test(new URL(origin).hostname);
}
