/**
 * The language of this page. A display follows its group's setting (English, Spanish, or both, one
 * above the other); every other page follows the choice made on that device, kept in its storage,
 * and before any choice the browser's language.
 * `t` reads the current dictionary on every access, so whatever renders it follows a change at once.
 */
import type { Language } from '../protocol/protocol.ts';
import { LANGUAGE } from '../protocol/state.ts';
import { en, type Messages } from './en.ts';

export type PageLanguage = 'en' | 'es';
export const PAGE_LANGUAGES: readonly PageLanguage[] = ['en', 'es'];

const STORAGE_KEY = 'roomcast:language';

export const locale = $state<{ primary: PageLanguage; secondary: PageLanguage | null }>({ primary: 'en', secondary: null });

// Spanish is loaded when a page first needs it, so English-only pages stay light (issue 7's budgets);
// until it has arrived (a few ms), the page reads English.
let spanish = $state.raw<Messages | null>(null);
let loadingSpanish: Promise<void> | null = null;

function need(language: PageLanguage | null): void {
	if (language !== 'es' || spanish || loadingSpanish) return;
	loadingSpanish = import('./es.ts').then((m) => void (spanish = m.es));
}

export function messagesOf(language: PageLanguage): Messages {
	need(language);
	return language === 'es' ? (spanish ?? en) : en;
}

/** The page's dictionary. */
export const t: Messages = new Proxy({} as Messages, {
	get: (_target, key) => messagesOf(locale.primary)[key as keyof Messages]
});

/** The second language's dictionary on a bilingual display, else null. */
export function alsoIn(): Messages | null {
	if (!locale.secondary) return null;
	const second = messagesOf(locale.secondary);
	return second === en && locale.secondary === 'es' ? null : second;
}

/** A display shows the group's language(s). */
export function followGroupLanguage(language: Language): void {
	locale.primary = language === LANGUAGE.es ? 'es' : 'en';
	locale.secondary = language === LANGUAGE.bilingual ? 'es' : null;
	need(locale.primary);
	need(locale.secondary);
}

/**
 * The browser's language among ours: Spanish when the first of English or Spanish in the person's
 * list of languages is Spanish ("es-US", "es"), else English.
 */
export function browserLanguage(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): PageLanguage {
	for (const tag of languages) {
		const base = tag.toLowerCase().split('-')[0];
		if (base === 'es' || base === 'en') return base;
	}
	return 'en';
}

/**
 * A page used from the person's own device (home, join, pair, remote, desk, and a projector waiting
 * to be paired): the language chosen on this device before, else the browser's.
 */
export function loadDeviceLanguage(): void {
	let saved: string | null = null;
	try {
		saved = localStorage.getItem(STORAGE_KEY);
	} catch {
		// storage refused (private mode): the browser's language until someone picks
	}
	locale.primary = saved === 'es' || saved === 'en' ? saved : browserLanguage();
	locale.secondary = null;
	need(locale.primary);
}

/** Settles once the page's dictionaries have arrived, so a page can open in its language without an English flash. */
function languageReady(): Promise<void> {
	return (loadingSpanish ?? Promise.resolve()).catch(() => undefined); // offline: the page reads English
}

/**
 * The page's dictionary with a catalog of words only some pages need (onboarding.en.ts,
 * facilitator.en.ts, panels.en.ts), in the page's language: its own sections from the catalog (the
 * Spanish one loaded when first read), every other from the page's dictionary. Pages that never
 * import a catalog never download its words.
 */
export function withCatalog<C extends object>(english: C, loadSpanish: () => Promise<C>): { t: Messages & C; ready(): Promise<void> } {
	let catalogSpanish = $state.raw<C | null>(null);
	let loading: Promise<void> | null = null;
	const own = (): C => {
		if (locale.primary !== 'es') return english;
		loading ??= loadSpanish().then(
			(words) => void (catalogSpanish = words),
			() => void (loading = null) // offline: English until it is read again
		);
		return catalogSpanish ?? english;
	};
	const words = new Proxy({} as Messages & C, {
		get: (_target, key) => (Object.hasOwn(english, key) ? own()[key as keyof C] : t[key as keyof Messages])
	});
	return {
		t: words,
		async ready() {
			own();
			await Promise.all([languageReady(), loading]);
		}
	};
}

export function chooseDeviceLanguage(language: PageLanguage): void {
	locale.primary = language;
	need(language);
	try {
		localStorage.setItem(STORAGE_KEY, language);
	} catch {
		// the choice lasts until the page is reloaded
	}
}

/** For an `$effect`: keeps `<html lang>` in step with the page's language. */
export function syncDocumentLanguage(): void {
	document.documentElement.lang = locale.primary;
}
