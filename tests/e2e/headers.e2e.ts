import { expect, test } from '@playwright/test';
import { createGroup, local } from './helpers.ts';

test('[R47] pages carry a Content-Security-Policy without unhashed inline script, and no-referrer', async ({ request }) => {
	const group = await createGroup(request);
	for (const path of ['/', local(group.links.display).split('#')[0], local(group.links.remote).split('#')[0]]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		const csp = headers['content-security-policy'];
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp, path).toContain("object-src 'none'");
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(headers['referrer-policy']).toBe('no-referrer');
		expect(headers['x-content-type-options']).toBe('nosniff');
	}
});
