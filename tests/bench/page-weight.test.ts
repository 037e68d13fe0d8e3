/**
 * Fails the build when a page's gzipped JS grows past its budget (PAGE_BUDGETS_BYTES, issue 12: 65 / 70 /
 * 90 KB for display / remote / desk). Measures the production build; builds it first when there is
 * none newer than the sources (`npm test` builds before vitest, so it is normally reused).
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIsFresh, measurePages, PAGE_BUDGETS_BYTES, type PageName, type PageWeight } from './page-weight.ts';

const BUILD_TIMEOUT_MS = 240_000;
let pages: PageWeight[] = [];

beforeAll(() => {
	if (!buildIsFresh()) {
		// Vitest sets NODE_ENV=test (and VITEST), which would make a development build: build as `npm run build` does.
		const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
		const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', timeout: BUILD_TIMEOUT_MS, env });
		if (built.status !== 0) throw new Error('vite build failed');
	}
	pages = measurePages();
}, BUILD_TIMEOUT_MS);

describe('page weight (gzipped JS of a first visit)', () => {
	for (const page of Object.keys(PAGE_BUDGETS_BYTES) as PageName[]) {
		it(`${page} stays within ${PAGE_BUDGETS_BYTES[page] / 1024} KB`, () => {
			const weight = pages.find((p) => p.page === page)!;
			expect(weight.jsFiles).toBeGreaterThan(1);
			expect(weight.jsGzipBytes).toBeLessThanOrEqual(PAGE_BUDGETS_BYTES[page]);
		});
	}
});
