/**
 * The dictionary of the facilitators' devices (remote and desk): the page's dictionary plus
 * facilitator.en.ts. The projector's page never imports it, so never downloads these words.
 */
import { withCatalog } from './locale.svelte.ts';
import { facilitatorEn } from './facilitator.en.ts';

export const { t } = withCatalog(facilitatorEn, () => import('./facilitator.es.ts').then((m) => m.facilitatorEs));
