import { loadDeviceLanguage } from '$lib/i18n/locale.svelte.ts';
import { languageReady } from '$lib/i18n/onboarding.svelte.ts';

// Joining keeps a credential in this browser's storage: nothing to render on the server.
export const ssr = false;

/** Opens in the device's language (else the browser's), Spanish loaded before the first paint. */
export async function load(): Promise<void> {
	loadDeviceLanguage();
	await languageReady();
}
