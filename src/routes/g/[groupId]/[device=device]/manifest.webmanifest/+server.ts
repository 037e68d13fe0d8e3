/**
 * A web app manifest per device page, so a phone installs its remote (or a laptop its desk) to the
 * home screen and opens it standalone, at that page, and a projector laptop opens the display full
 * screen. Each group's page installs as an app of its own (`id`). Nothing in it but the group's id,
 * which the page's own address already shows: never a name, a credential or a key (an installed page
 * finds its credential in the browser's storage, as a reload does).
 */
import { error } from '@sveltejs/kit';
import { en } from '$lib/i18n/en.ts';
import { es } from '$lib/i18n/es.ts';
import type { RequestHandler } from './$types';

/** The pages' ground colour (app.css `--bg`): the splash screen and the bar around the app. */
const GROUND = '#0d1015';
const GROUP_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DISPLAY_MODE = { remote: 'standalone', desk: 'standalone', display: 'fullscreen' } as const;

const ICONS = [
	{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
	{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
	{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
	{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
];

/** English or Spanish, as the browser asks (the pages follow the browser's language the same way). */
function language(acceptLanguage: string | null): 'en' | 'es' {
	for (const tag of (acceptLanguage ?? '').split(',')) {
		const primary = tag.trim().slice(0, 2).toLowerCase();
		if (primary === 'en' || primary === 'es') return primary;
	}
	return 'en';
}

export const GET: RequestHandler = ({ params, request }) => {
	const { groupId, device } = params;
	if (!GROUP_ID.test(groupId)) error(404, 'Not found');
	const lang = language(request.headers.get('accept-language'));
	const t = lang === 'es' ? es : en;
	const page = `/g/${groupId}/${device}`;
	const manifest = {
		id: page,
		name: t[device].pageTitle,
		short_name: device === 'display' ? t.appName : t[device].heading,
		lang,
		dir: 'ltr',
		start_url: page,
		scope: `/g/${groupId}/`,
		display: DISPLAY_MODE[device],
		...(device === 'display' ? { orientation: 'landscape' } : {}),
		background_color: GROUND,
		theme_color: GROUND,
		icons: ICONS
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json', 'cache-control': 'no-cache', vary: 'accept-language' }
	});
};
