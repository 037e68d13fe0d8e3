// `npm test`: every suite, then one line `N passed, N failed` that sums them.
//   1. type check (svelte-check), counted as one test; dead code (knip: no unused file, export or
//      dependency), counted as one test
//   2. vitest: unit, store contract (both stores, real Redis), server integration (real sockets)
//   3. Playwright: the production build in real Chromium
//   4. the quick bench (`npm run bench -- --quick`), counted as one test: it passes when the harness
//      writes its results; it asserts no timing (a shared CI machine is too noisy for that)
// The production build comes first: vitest's page-weight test measures it, and the fault, restart and
// browser tests run the compiled server as `npm start` does.
// A Redis is found or started for the run (see redis-for-tests.ts) and handed on as TEST_REDIS_URL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureRedis } from './redis-for-tests.ts';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const redis = await ensureRedis();
console.log(`Tests use the Redis at ${redis.url}${redis.started ? ' (started for this run)' : ''}, under key prefixes of their own.`);
const env = { ...process.env, TEST_REDIS_URL: redis.url };
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit', env }).status;
const totals = { passed: 0, failed: 0 };
const suites: string[] = [];

function count(name: string, passed: number, failed: number) {
	totals.passed += passed;
	totals.failed += failed;
	suites.push(`${name}: ${passed} passed, ${failed} failed`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readJson(file: string): any {
	try {
		return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
	} catch {
		return null;
	}
}

try {
	const checked = run('npx', ['svelte-kit', 'sync']) === 0 && run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']) === 0;
	count('typecheck', checked ? 1 : 0, checked ? 0 : 1);

	const clean = run('npm', ['run', '-s', 'knip']) === 0;
	count('dead code (knip)', clean ? 1 : 0, clean ? 0 : 1);

	// the pages and the compiled server, as `npm run build` makes them (the fault tests and the browser tests run that server)
	const built = run('node', ['scripts/build.mjs']) === 0;
	if (!built) count('build', 0, 1);

	const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/vitest.json`]);
	const vitest = readJson(`${OUT}/vitest.json`);
	if (vitest) count('vitest', vitest.numPassedTests, vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0));
	else count('vitest (did not report)', 0, 1);

	if (built) {
		const pwStatus = run('npx', ['playwright', 'test']);
		const pw = readJson(`${OUT}/playwright.json`);
		if (pw?.stats) {
			const failed = pw.stats.unexpected + pw.stats.flaky;
			count('playwright', pw.stats.expected, failed + (pwStatus !== 0 && failed === 0 ? 1 : 0));
		} else count('playwright (did not report)', 0, 1);
	}

	const BENCH_RESULTS = ['tests/bench/results/quick.json', 'tests/bench/results/quick.md'];
	BENCH_RESULTS.forEach((file) => rmSync(file, { force: true }));
	const benched = run('node', ['--import', 'tsx', 'tests/bench/run.ts', '--quick']) === 0 && BENCH_RESULTS.every((file) => existsSync(file));
	count('bench --quick', benched ? 1 : 0, benched ? 0 : 1);
} finally {
	await redis.stop();
}

console.log('');
for (const line of suites) console.log(`  ${line}`);
const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${OUT}/summary.txt`, summary + '\n');
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
