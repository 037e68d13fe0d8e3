import { loadDeviceLanguage } from '$lib/i18n/locale.svelte.ts';
import { languageReady } from '$lib/i18n/onboarding.svelte.ts';

// This device's storage (its groups, its language) decides what the page shows: render it in the browser only.
export const ssr = false;

/** Opens in the device's language (else the browser's), Spanish loaded before the first paint. */
export async function load(): Promise<void> {
	loadDeviceLanguage();
	await languageReady();
}
