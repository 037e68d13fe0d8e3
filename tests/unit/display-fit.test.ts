/**
 * [R60] How lists that share a box share its height: every entry that fits is shown, "+N more" only
 * for what truly does not, and the answer depends on the layout alone.
 */
import { describe, expect, it } from 'vitest';
import { allocate, type FitInput } from '../../src/lib/components/display/fit-allocation.ts';

/** A list of `n` entries of `h` px each, a 30 px "+N more" line. */
const list = (n: number, h = 50, weight = 1): FitInput => ({ ends: Array.from({ length: n }, (_, i) => (i + 1) * h), more: 30, weight });

describe('sharing the height', () => {
	it('[R60] shows everything that fits, with no "+N more" line to pay for', () => {
		expect(allocate(200, [list(4)])).toEqual([4]);
		expect(allocate(199, [list(4)])).toEqual([3]); // 3 entries and the "+1 more" line: 180
		expect(allocate(500, [list(4), list(3)])).toEqual([4, 3]);
	});

	it('[R60] the "+N more" line is paid for only while something is left out', () => {
		// 4 entries fit with no line (200); 3 entries and the line need 180; 4 and the line would need 230
		expect(allocate(210, [list(5)])).toEqual([3]);
		expect(allocate(230, [list(5)])).toEqual([4]);
		expect(allocate(250, [list(5)])).toEqual([5]);
	});

	it('[R60] no list leaves out an entry while it or a neighbour has room for it', () => {
		// the parking lot needs little: the queue takes the rest
		expect(allocate(530, [list(10, 50, 3), list(1)])).toEqual([9, 1]);
		for (const budget of [100, 180, 260, 333, 480, 777]) {
			const lists = [list(12, 61, 3), list(6, 75, 2), list(3, 38, 1)];
			const shown = allocate(budget, lists);
			const cost = (l: FitInput, k: number) => (k ? l.ends[k - 1] : 0) + (k < l.ends.length ? l.more : 0);
			const used = lists.reduce((sum, l, i) => sum + cost(l, shown[i]), 0);
			expect(used).toBeLessThanOrEqual(budget);
			lists.forEach((l, i) => {
				if (shown[i] < l.ends.length) expect(used - cost(l, shown[i]) + cost(l, shown[i] + 1), `list ${i} at ${budget}`).toBeGreaterThan(budget);
			});
		}
	});

	it('[R60] each list gets its first entry before any gets a second, then by weight', () => {
		expect(allocate(3 * 80 + 2 * 50, [list(10, 50, 3), list(10, 50, 2), list(10, 50, 1)])).toEqual([3, 1, 1]);
		expect(allocate(3 * 30 + 12 * 50, [list(20, 50, 3), list(20, 50, 2), list(20, 50, 1)])).toEqual([6, 4, 2]);
	});

	it('[R60] with no room at all, nothing shows and every list says how many it leaves out', () => {
		expect(allocate(10, [list(3), list(2)])).toEqual([0, 0]);
		expect(allocate(-50, [list(3)])).toEqual([0]);
		expect(allocate(100, [])).toEqual([]);
	});
});
