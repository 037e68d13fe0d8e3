// `npm run build`: the pages (SvelteKit, into build/) and the server (esbuild, into dist/server.js),
// one line per phase; the tools' own output is shown only when a phase fails.
// `npm start` runs it first with --if-stale: it rebuilds only what its sources no longer match, so a
// fresh clone builds once and a `git pull` never serves an old build. Staleness is a SHA-256 of the
// sources and the lockfile, stamped beside each build (build/roomcast-build.json, dist/roomcast-build.json),
// not file times (a checkout sets those to the time of the checkout).
//
//   node scripts/build.mjs [--if-stale] [--server-only]
//
// Plain JavaScript, so it runs before anything is built and without TypeScript.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_ENTRY = 'dist/server.js';
const STAMP = 'roomcast-build.json';
/** What every build depends on besides its own sources. */
const ALWAYS = ['package.json', 'package-lock.json', 'scripts/build.mjs'];
const PAGE_SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', ...ALWAYS];

/** @param {string} rel */
function filesUnder(rel) {
	const full = path.join(ROOT, rel);
	if (!existsSync(full)) return [];
	if (!statSync(full).isDirectory()) return [rel];
	return readdirSync(full, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** SHA-256 over the files' paths and contents, in a fixed order; null when one is missing. @param {string[]} files */
function hashOf(files) {
	const hash = createHash('sha256');
	for (const file of [...new Set(files)].sort()) {
		const full = path.join(ROOT, file);
		if (!existsSync(full)) return null;
		hash.update(file.split(path.sep).join('/')).update('\0').update(readFileSync(full)).update('\0');
	}
	return hash.digest('hex');
}

/** @param {string} dir @returns {{ hash: string, inputs: string[] } | null} */
function stampOf(dir) {
	try {
		return JSON.parse(readFileSync(path.join(ROOT, dir, STAMP), 'utf8'));
	} catch {
		return null;
	}
}

const pageInputs = () => PAGE_SOURCES.flatMap(filesUnder);

export function pagesAreFresh() {
	const stamp = stampOf('build');
	return !!stamp && existsSync(path.join(ROOT, 'build/handler.js')) && stamp.hash === hashOf(pageInputs());
}

/** Fresh when every file the last server build read is unchanged (esbuild's metafile lists them). */
export function serverIsFresh() {
	const stamp = stampOf('dist');
	return !!stamp && existsSync(path.join(ROOT, SERVER_ENTRY)) && stamp.hash === hashOf([...stamp.inputs, ...ALWAYS]);
}

/** Runs `node <script> ...args` quietly; resolves with its output, rejects with it. @param {string} script @param {string[]} args */
function quietly(script, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(output || `exited with ${code}`))));
	});
}

export async function buildPages() {
	const inputs = pageInputs();
	const hash = hashOf(inputs);
	await quietly(path.join(ROOT, 'node_modules/vite/bin/vite.js'), ['build', '--logLevel', 'warn']);
	writeFileSync(path.join(ROOT, 'build', STAMP), JSON.stringify({ hash }) + '\n');
}

/**
 * esbuild, the transform tsx itself uses, so the compiled server is the code the tests ran under
 * tsx, without a TypeScript loader at run time. Packages stay imports (`dependencies`, installed by
 * npm); our own modules, the shared ones under src/lib included, become one file.
 */
export async function buildServer() {
	const esbuild = await import('esbuild');
	const result = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: ['server/index.ts'],
		outfile: SERVER_ENTRY,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20.19',
		packages: 'external',
		sourcemap: true,
		metafile: true,
		logLevel: 'silent',
		legalComments: 'none'
	});
	const inputs = Object.keys(result.metafile.inputs);
	const external = new Set(Object.values(result.metafile.outputs).flatMap((out) => out.imports.filter((i) => i.external).map((i) => i.path)));
	const dependencies = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});
	const missing = [...external].filter((name) => !name.startsWith('node:') && !dependencies.some((dep) => name === dep || name.startsWith(`${dep}/`)));
	if (missing.length) throw new Error(`The server imports ${missing.join(', ')}, which package.json lists only for development: move them to "dependencies".`);
	writeFileSync(path.join(ROOT, 'dist', STAMP), JSON.stringify({ hash: hashOf([...inputs, ...ALWAYS]), inputs }) + '\n');
}

/** @param {string} what @param {() => Promise<unknown>} work */
async function phase(what, work) {
	process.stdout.write(`  ${what}... `);
	const started = performance.now();
	await work();
	console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds what is stale (or everything); the one function `npm start`, `npm run build` and the tests call. @param {{ ifStale?: boolean, serverOnly?: boolean }} options */
export async function build({ ifStale = false, serverOnly = false } = {}) {
	const pages = !serverOnly && !(ifStale && pagesAreFresh());
	const server = !(ifStale && serverIsFresh());
	if (!pages && !server) return;
	if (ifStale && !existsSync(path.join(ROOT, 'node_modules/vite')))
		throw new Error('The build is missing or out of date, and the tools that build it are not installed: run `npm install` (with its dev dependencies), then try again.');
	console.log(ifStale ? 'Roomcast: building what changed since the last build (once)' : 'Roomcast: building');
	if (pages) await phase('pages (vite build, about a minute)', buildPages);
	if (server) await phase('server (esbuild)', buildServer);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const args = process.argv.slice(2);
	try {
		await build({ ifStale: args.includes('--if-stale'), serverOnly: args.includes('--server-only') });
	} catch (error) {
		console.log('failed.');
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}
