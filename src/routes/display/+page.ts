import { loadDeviceLanguage } from '$lib/i18n/locale.svelte.ts';
import { languageReady } from '$lib/i18n/onboarding.svelte.ts';

// Pairing happens in the browser (it keeps a token in storage), so there is nothing to render on the server.
export const ssr = false;

/** A screen not paired yet speaks its browser's language (or the one picked on it); once paired, its group's. */
export async function load(): Promise<void> {
	loadDeviceLanguage();
	await languageReady();
}
