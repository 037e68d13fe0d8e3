/**
 * The dictionary of the pages that set a room up (home, /join, /pair, the pairing screen): every
 * section of the page's dictionary, plus their own (onboarding.en.ts), in the page's language. The
 * device pages never import this module, so they never download these words (issue 7's budgets).
 */
import { languageReady as pageLanguageReady, locale, t as pageWords } from './locale.svelte.ts';
import type { Messages } from './en.ts';
import { onboardingEn, type OnboardingMessages } from './onboarding.en.ts';

let spanish = $state.raw<OnboardingMessages | null>(null);
let loading: Promise<void> | null = null;

function own(): OnboardingMessages {
	if (locale.primary !== 'es') return onboardingEn;
	loading ??= import('./onboarding.es.ts').then((m) => void (spanish = m.onboardingEs));
	return spanish ?? onboardingEn;
}

/** The page's dictionary with the onboarding sections. */
export const t: Messages & OnboardingMessages = new Proxy({} as Messages & OnboardingMessages, {
	get: (_target, key) => (Object.hasOwn(onboardingEn, key) ? own()[key as keyof OnboardingMessages] : pageWords[key as keyof Messages])
});

/** Settles once both dictionaries have arrived in the page's language (no English flash). */
export async function languageReady(): Promise<void> {
	own();
	await Promise.all([pageLanguageReady(), (loading ?? Promise.resolve()).catch(() => undefined)]);
}
