/**
 * The language of this page. A display follows its group's setting (English, Spanish, or both, one
 * above the other); a remote or desk follows the choice made on that device, kept in its storage.
 * `t` reads the current dictionary on every access, so whatever renders it follows a change at once.
 */
import { LANGUAGE, type Language } from '../protocol/protocol.ts';
import { en, type Messages } from './en.ts';
import { es } from './es.ts';

export type PageLanguage = 'en' | 'es';
export const PAGE_LANGUAGES: readonly PageLanguage[] = ['en', 'es'];

const DICTIONARIES: Record<PageLanguage, Messages> = { en, es };
const STORAGE_KEY = 'roomcast:language';

export const locale = $state<{ primary: PageLanguage; secondary: PageLanguage | null }>({ primary: 'en', secondary: null });

export function messagesOf(language: PageLanguage): Messages {
	return DICTIONARIES[language];
}

/** The page's dictionary. */
export const t: Messages = new Proxy({} as Messages, {
	get: (_target, key) => DICTIONARIES[locale.primary][key as keyof Messages]
});

/** The second language's dictionary on a bilingual display, else null. */
export function alsoIn(): Messages | null {
	return locale.secondary ? DICTIONARIES[locale.secondary] : null;
}

/** A display shows the group's language(s). */
export function followGroupLanguage(language: Language): void {
	locale.primary = language === LANGUAGE.es ? 'es' : 'en';
	locale.secondary = language === LANGUAGE.bilingual ? 'es' : null;
}

/** A remote or desk: the language chosen on this device before, if any. */
export function loadDeviceLanguage(): void {
	let saved: string | null = null;
	try {
		saved = localStorage.getItem(STORAGE_KEY);
	} catch {
		// storage refused (private mode): English until someone picks
	}
	locale.primary = saved === 'es' ? 'es' : 'en';
	locale.secondary = null;
}

export function chooseDeviceLanguage(language: PageLanguage): void {
	locale.primary = language;
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
