/**
 * The projector's own small behaviours: the pointer and its one control hide when the mouse rests,
 * and the screen is kept awake while a session runs. Each returns its own cleanup for an `$effect`.
 */

/** How long the mouse may rest before the cursor and the fullscreen button hide. */
const POINTER_IDLE_MS = 3000;

export class IdlePointer {
	/** The mouse moved within the last POINTER_IDLE_MS. */
	active = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	watch(target: Window = window): () => void {
		const wake = () => {
			this.active = true;
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => (this.active = false), POINTER_IDLE_MS);
		};
		target.addEventListener('pointermove', wake);
		target.addEventListener('pointerdown', wake);
		return () => {
			target.removeEventListener('pointermove', wake);
			target.removeEventListener('pointerdown', wake);
			clearTimeout(this.#timer);
		};
	}
}

interface Sentinel {
	release(): Promise<void>;
	released: boolean;
}

/**
 * The Screen Wake Lock keeps a projector laptop from dimming mid-session. The browser drops the lock
 * when the page is hidden, so it is asked for again when the page is visible. Where the API is
 * missing (plain http, old browsers) nothing happens.
 */
export function holdScreenAwake(): () => void {
	const api = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<Sentinel> } }).wakeLock;
	if (!api) return () => {};
	let sentinel: Sentinel | null = null;
	let stopped = false;
	const acquire = () => {
		if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
		api.request('screen').then(
			(s) => {
				if (stopped) void s.release().catch(() => {});
				else sentinel = s;
			},
			() => {} // refused (battery saver, no user gesture yet): the screen may sleep, nothing else changes
		);
	};
	acquire();
	document.addEventListener('visibilitychange', acquire);
	return () => {
		stopped = true;
		document.removeEventListener('visibilitychange', acquire);
		void sentinel?.release().catch(() => {});
	};
}

/** A projector reloads itself at most this often when told its page is out of date. */
export const OUTDATED_RELOAD_EVERY_MS = 60_000;
const RELOADED_AT = 'roomcast:display:reloadedAt';

/**
 * [R66] A projector left open across an update is told its page is out of date. Nobody is at its
 * keyboard and it shows no control, so it reloads itself to the new build, at most once a minute
 * (a server still on the old build must not make it reload without end).
 */
export function reloadWhenOutdated(storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage, now = Date.now(), reload = () => location.reload()): boolean {
	const last = Number(storage.getItem(RELOADED_AT) ?? 0);
	if (now - last < OUTDATED_RELOAD_EVERY_MS) return false;
	storage.setItem(RELOADED_AT, String(now));
	reload();
	return true;
}
