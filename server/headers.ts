/** [R47] Headers for every response this process sends, Engine.IO's own answers included. */
import type { ServerResponse } from 'node:http';

export function setSecurityHeaders(res: ServerResponse): void {
	res.setHeader('referrer-policy', 'no-referrer');
	res.setHeader('x-content-type-options', 'nosniff');
	res.setHeader('x-frame-options', 'DENY');
	res.setHeader('cross-origin-opener-policy', 'same-origin');
}
