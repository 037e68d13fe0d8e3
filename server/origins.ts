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

/**
 * The client's address. Behind `hops` trusted reverse proxies, each appends the address it saw to
 * X-Forwarded-For, so the address the nearest trusted proxy's outermost peer had is the `hops`-th
 * entry from the right; anything left of it was sent by the client and is not believed. Without
 * proxies (0), the socket's own address.
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
	if (hops > 0) {
		const header = req.headers['x-forwarded-for'];
		const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
		const trusted = entries[Math.max(0, entries.length - hops)];
		if (trusted) return trusted;
	}
	return req.socket.remoteAddress ?? 'unknown';
}
