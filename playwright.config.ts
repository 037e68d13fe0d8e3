import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startCommand } from './tests/helpers/start-command.ts';

/** Browser tests run against the production build on this port (`npm test` builds first). */
const PORT = Number(process.env.E2E_PORT ?? 4317);
// With a Redis (npm test provides one), the e2e server uses it under a key prefix of its own.
const REDIS_URL = process.env.TEST_REDIS_URL;
// The config is read again in each worker, which inherits these variables: what follows happens once.
if (!process.env.ROOMCAST_E2E_PREFIX) {
	// The web server is the compiled one (`npm start`'s command): rebuilt here if the server's sources
	// changed (the pages are built by `npm test`, or by hand with `npx vite build`).
	execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { stdio: 'inherit' });
}
// One prefix for the run (Redis), or one data directory of its own (embedded: the server makes it,
// the teardown removes it).
const prefix = (process.env.ROOMCAST_E2E_PREFIX ??= `rc-e2e-${randomBytes(4).toString('hex')}`);
const dataDir = (process.env.ROOMCAST_E2E_DATA_DIR ??= join(tmpdir(), `roomcast-${prefix}`));
export const SERVER_LOG = resolve('.test-output/e2e-server.log');
mkdirSync(dirname(SERVER_LOG), { recursive: true });

// Debian's Chromium where it is installed (Playwright cannot download its own browser here);
// otherwise Playwright's own browser, if the user has one.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	outputDir: 'test-results',
	reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
	// the groups the run made would otherwise stay in the developer's Redis for GROUP_TTL_S (180 days)
	globalTeardown: './tests/helpers/e2e-teardown.ts',
	webServer: {
		// `npm start`'s own command line, as a single node process (no npm wrapper) so Playwright can stop it cleanly
		command: startCommand().line,
		url: `http://127.0.0.1:${PORT}/healthz`,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			// the browser tests read what the server logged (it must never hold a typed word)
			LOG_FILE: SERVER_LOG,
			// every page of every test comes from 127.0.0.1: the per-address limits would count them all as one visitor
			GROUPS_PER_HOUR_PER_ADDRESS: '100000',
			SOCKETS_PER_ADDRESS: '100000',
			...(REDIS_URL ? { REDIS_URL, REDIS_PREFIX: prefix } : { DATA_DIR: dataDir })
		},
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe'
	},
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumPath,
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	]
});
