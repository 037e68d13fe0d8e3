/**
 * How lists that share one box share its height [R60]. Pure: it is given the layout (what each entry
 * needs, what a "+N more" line needs, the height left for the lists) and returns how many entries each
 * list shows, so the same layout always gives the same answer, whenever it is measured.
 */

export interface FitInput {
	/** For each entry, the height its list needs to show every entry up to it (so ascending). */
	ends: readonly number[];
	/** The height of the list's "+N more" line, spent only while something is left out. */
	more: number;
	/** A list with twice the weight gets two entries for every one of the others while all are short. */
	weight: number;
}

/** Sub-pixel slack: layouts are measured in fractions of a pixel. */
const EPSILON_PX = 0.01;

function cost(list: FitInput, shown: number): number {
	const entries = shown === 0 ? 0 : list.ends[shown - 1];
	return entries + (shown < list.ends.length ? list.more : 0);
}

/** Which list goes next: one that shows nothing yet, then the one with the fewest for its weight. */
function share(shown: number, list: FitInput): number {
	return shown === 0 ? -1 : (shown + 1) / list.weight;
}

/**
 * Gives each list as many entries as fit in `budget`, in order, one entry at a time: first one to
 * each list, then to the list that has the fewest for its weight. It stops only when no list's next entry fits: so no list hides an
 * entry while there is room for it, in its own space or in a neighbour's.
 */
export function allocate(budget: number, lists: readonly FitInput[]): number[] {
	const shown = lists.map(() => 0);
	let used = lists.reduce((sum, list) => sum + cost(list, 0), 0);
	for (;;) {
		let pick = -1;
		for (let i = 0; i < lists.length; i++) {
			const list = lists[i];
			if (shown[i] >= list.ends.length) continue;
			const grows = cost(list, shown[i] + 1) - cost(list, shown[i]);
			if (used + grows > budget + EPSILON_PX) continue;
			if (pick < 0 || share(shown[i], list) < share(shown[pick], lists[pick])) pick = i;
		}
		if (pick < 0) return shown;
		used += cost(lists[pick], shown[pick] + 1) - cost(lists[pick], shown[pick]);
		shown[pick] += 1;
	}
}
