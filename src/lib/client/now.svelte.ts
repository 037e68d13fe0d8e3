/** The page's own clock, read every few seconds. Clock ticks are derived here, never stored or sent. */
const TICK_MS = 2000;

export class Now {
	ms = $state(Date.now());

	/** For an `$effect`: ticks until the returned cleanup runs. */
	run(everyMs = TICK_MS): () => void {
		this.ms = Date.now();
		const timer = setInterval(() => (this.ms = Date.now()), everyMs);
		return () => clearInterval(timer);
	}
}
