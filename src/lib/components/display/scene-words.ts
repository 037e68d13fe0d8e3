/**
 * The words of a display scene come from the group's display language (English, Spanish, or both),
 * not from the page's: the same scene shows the room's words on the projector and, as a preview, on a
 * facilitator's phone that is set to another language.
 */
import { getContext, hasContext, setContext } from 'svelte';
import type { Language } from '../../protocol/protocol.ts';
import { LANGUAGE } from '../../protocol/state.ts';
import { alsoIn, locale, messagesOf, t, type Messages } from '../../i18n/index.ts';
import { en } from '../../i18n/en.ts';
import type { PageLanguage } from '../../i18n/locale.svelte.ts';

export interface SceneWords {
	/** The first language's dictionary. */
	readonly m: Messages;
	readonly lang: PageLanguage;
	/** On a bilingual display, the second language's dictionary (once it has loaded), else null. */
	readonly also: Messages | null;
	readonly alsoLang: PageLanguage | null;
}

const KEY = Symbol('scene-words');

/** For the scene's root: its words follow `language()` from then on. */
export function provideSceneWords(language: () => Language): SceneWords {
	const words: SceneWords = {
		get lang() {
			return language() === LANGUAGE.es ? 'es' : 'en';
		},
		get m() {
			return messagesOf(this.lang);
		},
		get alsoLang() {
			return language() === LANGUAGE.bilingual ? 'es' : null;
		},
		get also() {
			const second = this.alsoLang;
			if (!second) return null;
			const m = messagesOf(second);
			// until Spanish has arrived (a few ms), show the one language rather than English twice
			return m === en ? null : m;
		}
	};
	setContext(KEY, words);
	return words;
}

/** Outside a scene (a facilitator's badge), the page's own language. */
const PAGE_WORDS: SceneWords = {
	get m() {
		return t;
	},
	get lang() {
		return locale.primary;
	},
	get also() {
		return alsoIn();
	},
	get alsoLang() {
		return locale.secondary;
	}
};

export function sceneWords(): SceneWords {
	return hasContext(KEY) ? getContext<SceneWords>(KEY) : PAGE_WORDS;
}
