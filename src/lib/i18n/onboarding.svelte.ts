/**
 * The dictionary of the pages that set a room up (home, /join, /pair, the pairing screen): the page's
 * dictionary plus onboarding.en.ts. The device pages never import it, so never download these words.
 */
import { withCatalog } from './locale.svelte.ts';
import { onboardingEn } from './onboarding.en.ts';

const catalog = withCatalog(onboardingEn, () => import('./onboarding.es.ts').then((m) => m.onboardingEs));
export const t = catalog.t;
/** Settles once both dictionaries have arrived in the page's language (no English flash). */
export const languageReady = catalog.ready;
