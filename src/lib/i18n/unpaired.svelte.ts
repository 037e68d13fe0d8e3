/**
 * The words of a device page that cannot show its group (unpaired.en.ts), loaded the first time a
 * page needs them, in its language: most visits never do, so no page carries them up front.
 */
import { locale, type PageLanguage } from './locale.svelte.ts';
import type { UnpairedMessages } from './unpaired.en.ts';

const loaded = $state<Partial<Record<PageLanguage, UnpairedMessages>>>({});
const loading = new Set<PageLanguage>();

/** The words in the page's language, or null for the few ms until they have arrived. */
export function unpairedWords(): UnpairedMessages | null {
	const language = locale.primary;
	if (!loaded[language] && !loading.has(language)) {
		loading.add(language);
		const arriving = language === 'es' ? import('./unpaired.es.ts').then((m) => m.unpairedEs) : import('./unpaired.en.ts').then((m) => m.unpairedEn);
		arriving.then(
			(words) => void (loaded[language] = words),
			() => loading.delete(language) // offline before it arrived: asked again at the next look
		);
	}
	return loaded[language] ?? null;
}
