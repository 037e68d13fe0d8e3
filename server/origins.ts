/**
 * Which browser origins may open sockets and call the API: the app's own (the address the request
 * came to), PUBLIC_URL's, and any listed in ALLOWED_ORIGINS. Against cross-site WebSocket hijacking.
 * A request without an Origin header is not from a browser page, so it carries no ambient
 * credential to hijack: it is let through (and still needs a device credential).
 */
import type { IncomingMessage } from 'node:http';

export function originAllowed(req: IncomingMessage, extra: readonly string[]): boolean {
	const origin = req.headers.origin;
	if (!origin) return true;
	const host = req.headers.host;
	if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
	return extra.includes(origin);
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
	if (trustProxy) {
		const forwarded = req.headers['x-forwarded-for'];
		const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
		if (first) return first;
	}
	return req.socket.remoteAddress ?? 'unknown';
}
