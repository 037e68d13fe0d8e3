/**
 * Page weight from the production build: for each page, the JS and CSS a first visit loads (the
 * client entry, the route's layout and page nodes, and every chunk they import statically), gzipped
 * at level 9 as adapter-node precompresses them. Chunks loaded later with import() are not counted.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const CLIENT_DIR = '.svelte-kit/output/client';
const VITE_MANIFEST = `${CLIENT_DIR}/.vite/manifest.json`;
const SERVER_MANIFEST = '.svelte-kit/output/server/manifest.js';

/** Issue 7's budgets of gzipped JS per page, in bytes: CI holds every page to them, and the bench reports against them. */
export const PAGE_BUDGETS_BYTES = { display: 60 * 1024, remote: 60 * 1024, desk: 90 * 1024 } as const;
export type PageName = keyof typeof PAGE_BUDGETS_BYTES;
const PAGE_ROUTES: Record<PageName, string> = {
	display: '/g/[groupId]/display',
	remote: '/g/[groupId]/remote',
	desk: '/g/[groupId]/desk'
};

interface ManifestChunk {
	file: string;
	imports?: string[];
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
	const nodes = routeNodes();
	const entries = Object.keys(manifest).filter((k) => k.endsWith('/client/entry.js') || k.endsWith('client-optimized/app.js'));
	const gz = (file: string) => gzipSync(readFileSync(path.join(CLIENT_DIR, file)), { level: 9 }).length;
	return (Object.keys(PAGE_ROUTES) as PageName[]).map((page) => {
		const ids = nodes.get(PAGE_ROUTES[page]);
		if (!ids) throw new Error(`route ${PAGE_ROUTES[page]} is not in the build`);
		const js = new Set<string>();
		const css = new Set<string>();
		const visit = (key: string) => {
			const chunk = manifest[key];
			if (!chunk || js.has(chunk.file)) return;
			js.add(chunk.file);
			chunk.css?.forEach((c) => css.add(c));
			chunk.imports?.forEach(visit);
		};
		[...entries, ...ids.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)].forEach(visit);
		const sum = (files: Set<string>) => [...files].reduce((total, f) => total + gz(f), 0);
		return { page, jsGzipBytes: sum(js), cssGzipBytes: sum(css), jsFiles: js.size, budgetBytes: PAGE_BUDGETS_BYTES[page] };
	});
}
