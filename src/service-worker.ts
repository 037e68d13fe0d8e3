/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * The offline shell: a phone whose Wi-Fi is down can still open (or reload) its remote, see that it
 * is offline, keep the taps in its outbox and send them when the network is back.
 *
 * - The build's scripts and styles and the files of static/ (but the home-screen icons) are cached
 *   when a build's worker installs, in the background after the page has opened (about 150 KB
 *   gzipped, once per build), and served from the cache (their names change with their content).
 * - The device pages (/g/<id>/remote, /desk, /display) go to the network first; when it does not
 *   answer (offline, the server down, or no answer within NAVIGATION_TIMEOUT_MS), the cached page
 *   opens instead. It is one page for every group and device (it renders in the browser, from
 *   relative paths), holding nothing of any group: no name, no credential, no snapshot.
 * - Everything else goes to the network untouched, never cached: the API, the sockets, /healthz,
 *   the manifests, the other pages. Credentials never reach this worker at all (they travel in the
 *   link's #fragment, in the page's storage and in the socket's handshake).
 *
 * Each build has a cache of its own (`version`); a new build's worker takes over at once and
 * deletes the old caches, so after an update a page is at most one reload behind, and an outdated
 * page is told to reload anyway [R66].
 */
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `roomcast-${version}`;
/** The home-screen icons are read once, when a page is installed: an offline page needs none of them. */
const ASSETS = new Set([...build, ...files.filter((file) => !file.startsWith(`${base}/icons/`))]);
/** Where the device pages' shell is kept: one page for every group and device. */
const SHELL = `${base}/g/shell/remote`;
/** A page the network has not answered by then opens from the cache (a Wi-Fi that hangs, not fails). */
const NAVIGATION_TIMEOUT_MS = 4000;
const DEVICE_PAGE = new RegExp(`^${base}/g/[^/]+/(remote|desk|display)/?$`);
/** Never served from or kept in the cache, whatever else changes here. */
const NEVER_CACHED = new RegExp(`^${base}/(api|socket\\.io|healthz)(/|$)`);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll([...ASSETS]);
			// the shell too, so a page opened once before this worker existed still opens offline
			await cache.add(SHELL).catch(() => {});
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || NEVER_CACHED.test(url.pathname)) return;
	if (ASSETS.has(url.pathname)) event.respondWith(fromCache(request, url.pathname));
	else if (request.mode === 'navigate' && DEVICE_PAGE.test(url.pathname)) event.respondWith(devicePage(request));
});

async function fromCache(request: Request, path: string): Promise<Response> {
	const cached = await (await caches.open(CACHE)).match(path);
	return cached ?? fetch(request);
}

async function devicePage(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	let timer: ReturnType<typeof setTimeout> | undefined;
	// a navigation's request cannot be given an abort signal: the network's answer is raced instead
	const tooLate = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), NAVIGATION_TIMEOUT_MS)));
	try {
		const response = await Promise.race([fetch(request), tooLate]);
		// a proxy's 502 while the server restarts is no better than no answer
		if (response.status >= 500) return (await cache.match(SHELL)) ?? response;
		if (response.ok && response.type === 'basic') await cache.put(SHELL, await anonymous(response.clone()));
		return response;
	} catch (error) {
		const shell = await cache.match(SHELL);
		if (shell) return shell;
		throw error;
	} finally {
		clearTimeout(timer);
	}
}

/**
 * The same page without the address it came from: a cached response keeps its URL, which names the
 * group (`/g/<groupId>/remote`); the shell is the same for every group, so it keeps none.
 */
async function anonymous(response: Response): Promise<Response> {
	return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}
