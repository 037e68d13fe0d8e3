/** [R66] A projector told its page is out of date reloads itself: nobody is at its keyboard. */
import { describe, expect, it } from 'vitest';
import { OUTDATED_RELOAD_EVERY_MS, reloadWhenOutdated } from '../../src/lib/components/display/screen-helpers.svelte.ts';

function memoryStorage() {
	const values = new Map<string, string>();
	return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
}

describe('an out-of-date projector', () => {
	it('[R66] reloads to the new build, and at most once a minute while the server still refuses it', () => {
		const storage = memoryStorage();
		let reloads = 0;
		const reload = () => void (reloads += 1);
		const t0 = 1_795_000_000_000;
		expect(reloadWhenOutdated(storage, t0, reload)).toBe(true);
		expect(reloadWhenOutdated(storage, t0 + 1000, reload)).toBe(false);
		expect(reloadWhenOutdated(storage, t0 + OUTDATED_RELOAD_EVERY_MS - 1, reload)).toBe(false);
		expect(reloadWhenOutdated(storage, t0 + OUTDATED_RELOAD_EVERY_MS, reload)).toBe(true);
		expect(reloads).toBe(2);
	});
});
