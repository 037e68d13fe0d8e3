/**
 * Page weight from the production build: for each device page, the JS and CSS a first visit loads
 * (the client entry, the route's layout and page nodes, the device's own screen, which the one
 * device route always imports on its own, and every chunk they import statically), gzipped at level 9
 * as adapter-node precompresses them. Chunks loaded later with import() (a fold opened, a language
 * picked) are not counted.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SCREEN_SOURCES } from '../../src/lib/components/device/screens.ts';

const CLIENT_DIR = '.svelte-kit/output/client';
const VITE_MANIFEST = `${CLIENT_DIR}/.vite/manifest.json`;
const SERVER_MANIFEST = '.svelte-kit/output/server/manifest.js';

/**
 * Issue 12's budgets of gzipped JS per page, in bytes (issue 7's were 60 / 60 / 90 KB with a Socket.IO
 * client of our own; socket.io-client costs about 11 KB more on each page): CI holds every page to
 * them, and the bench reports against them.
 */
export const PAGE_BUDGETS_BYTES = { display: 65 * 1024, remote: 70 * 1024, desk: 90 * 1024 } as const;
export type PageName = keyof typeof PAGE_BUDGETS_BYTES;
/** The one route of the three device pages (/g/<id>/remote, /desk, /display). */
const DEVICE_ROUTE = '/g/[groupId]/[device=device]';

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	isEntry?: boolean;
}

export interface PageWeight {
	page: PageName;
	jsGzipBytes: number;
	cssGzipBytes: number;
	jsFiles: number;
	budgetBytes: number;
}

/** When the build is older than any source file (or missing), it cannot be measured. */
export function buildIsFresh(sourceDirs = ['src', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']): boolean {
	if (!existsSync(VITE_MANIFEST) || !existsSync(SERVER_MANIFEST)) return false;
	const builtMs = statSync(VITE_MANIFEST).mtimeMs;
	const newest = (p: string): number => {
		const s = statSync(p);
		if (!s.isDirectory()) return s.mtimeMs;
		return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
	};
	return sourceDirs.filter(existsSync).every((p) => newest(p) <= builtMs);
}

/** Node indices per route id, from SvelteKit's server manifest: layouts then the page itself. */
function routeNodes(): Map<string, number[]> {
	const text = readFileSync(SERVER_MANIFEST, 'utf8');
	const routes = new Map<string, number[]>();
	const pattern = /id: "([^"]+)",[\s\S]*?page: \{ layouts: \[([\d,]*)\][^}]*leaf: (\d+) \}/g;
	for (const [, id, layouts, leaf] of text.matchAll(pattern))
		routes.set(id, [...layouts.split(',').filter(Boolean).map(Number), Number(leaf)]);
	return routes;
}

export function measurePages(): PageWeight[] {
	const manifest = JSON.parse(readFileSync(VITE_MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
	const ids = routeNodes().get(DEVICE_ROUTE);
	if (!ids) throw new Error(`route ${DEVICE_ROUTE} is not in the build`);
	const entries = Object.keys(manifest).filter((k) => k.endsWith('/client/entry.js') || k.endsWith('client-optimized/app.js'));
	const nodes = ids.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`);
	const gz = (file: string) => gzipSync(readFileSync(path.join(CLIENT_DIR, file)), { level: 9 }).length;
	const staticClosure = (roots: string[]) => {
		const seen = new Map<string, ManifestChunk>();
		const visit = (key: string) => {
			const chunk = manifest[key];
			if (!chunk || seen.has(chunk.file)) return;
			seen.set(chunk.file, chunk);
			chunk.imports?.forEach(visit);
		};
		roots.forEach(visit);
		return seen;
	};
	const shared = staticClosure([...entries, ...nodes]);
	return (Object.keys(PAGE_BUDGETS_BYTES) as PageName[]).map((page) => {
		const screen = SCREEN_SOURCES[page];
		// the screen must be a chunk the page loads by import(): otherwise it would be counted in every page
		const loadedLazily = [...shared.values()].some((chunk) => chunk.dynamicImports?.includes(screen));
		if (!manifest[screen] || !loadedLazily) throw new Error(`${screen} is not a lazily loaded chunk of ${DEVICE_ROUTE}`);
		const chunks = staticClosure([...entries, ...nodes, screen]);
		const js = new Set([...chunks.keys()]);
		const css = new Set([...chunks.values()].flatMap((chunk) => chunk.css ?? []));
		const sum = (files: Set<string>) => [...files].reduce((total, f) => total + gz(f), 0);
		return { page, jsGzipBytes: sum(js), cssGzipBytes: sum(css), jsFiles: js.size, budgetBytes: PAGE_BUDGETS_BYTES[page] };
	});
}
