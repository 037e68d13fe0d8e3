/**
 * The dictionary of the facilitators' folded panels (devices, group settings, records for funders):
 * the facilitators' dictionary plus panels.en.ts, loaded with the panels.
 */
import { t as facilitatorWords } from './facilitator.svelte.ts';
import { panelsEn } from './panels.en.ts';
import { withCatalog } from './locale.svelte.ts';

const catalog = withCatalog(panelsEn, () => import('./panels.es.ts').then((m) => m.panelsEs));
export const t: typeof catalog.t & typeof facilitatorWords = new Proxy({} as typeof catalog.t & typeof facilitatorWords, {
	get: (_target, key) => (Object.hasOwn(panelsEn, key) ? catalog.t[key as keyof typeof panelsEn] : facilitatorWords[key as keyof typeof facilitatorWords])
});
