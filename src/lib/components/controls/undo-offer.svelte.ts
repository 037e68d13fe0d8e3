import type { TrashEntry } from '../../protocol/protocol.ts';

/** How long a page offers to undo; the server keeps the trash longer (15 s), so a late tap still works. */
export const UNDO_OFFER_MS = 8000;

/**
 * Which removal the page offers to undo: the newest trash entry [R36] that appeared while the page
 * was open, for UNDO_OFFER_MS, or until it is undone (from here or another device).
 */
export class UndoOffer {
	entry = $state.raw<TrashEntry | null>(null);
	#seen = new Set<string>();
	#primed = false;
	#timer: ReturnType<typeof setTimeout> | undefined;

	observe(trash: readonly TrashEntry[] | null): void {
		if (!trash) {
			this.#withdraw();
			this.#seen.clear();
			return;
		}
		const fresh = trash.filter((e) => !this.#seen.has(e.id));
		for (const e of fresh) this.#seen.add(e.id);
		// what was already in the trash when the page opened is not this page's to offer
		const primed = this.#primed;
		this.#primed = true;
		const newest = trash.at(-1);
		if (primed && newest && fresh.includes(newest)) this.#offer(newest);
		else if (this.entry && !trash.some((e) => e.id === this.entry?.id)) this.#withdraw();
	}

	dispose(): void {
		clearTimeout(this.#timer);
	}

	#offer(entry: TrashEntry) {
		this.entry = entry;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => (this.entry = null), UNDO_OFFER_MS);
	}

	#withdraw() {
		clearTimeout(this.#timer);
		this.entry = null;
	}
}
