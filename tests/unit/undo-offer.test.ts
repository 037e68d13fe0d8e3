/**
 * [R36] Which removal a page offers to undo, directly: only the newest trash entry that appeared while
 * the page was open, for UNDO_OFFER_MS, and withdrawn when it is undone elsewhere or the session ends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_OFFER_MS, UndoOffer } from '../../src/lib/components/controls/undo-offer.svelte.ts';
import type { TrashEntry } from '../../src/lib/protocol/protocol.ts';

const entry = (id: string, name = 'Casey'): TrashEntry => ({ id, at: 0, kind: 'queue', index: 0, entry: { id: `q${id}`, name } });

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('UndoOffer', () => {
	it('[R36] offers nothing of what was already in the trash when the page opened', () => {
		const offer = new UndoOffer();
		offer.observe([entry('t1')]);
		expect(offer.entry).toBeNull();
	});

	it(`[R36] offers a new removal for ${UNDO_OFFER_MS} ms`, () => {
		const offer = new UndoOffer();
		offer.observe([]);
		offer.observe([entry('t1', 'Kurt')]);
		expect(offer.entry?.id).toBe('t1');
		vi.advanceTimersByTime(UNDO_OFFER_MS - 1);
		expect(offer.entry?.id).toBe('t1');
		vi.advanceTimersByTime(1);
		expect(offer.entry).toBeNull();
	});

	it('[R36] a newer removal replaces the offer, with a fresh time', () => {
		const offer = new UndoOffer();
		offer.observe([]);
		offer.observe([entry('t1')]);
		vi.advanceTimersByTime(UNDO_OFFER_MS - 10);
		offer.observe([entry('t1'), entry('t2', 'Tasha')]);
		expect(offer.entry?.id).toBe('t2');
		vi.advanceTimersByTime(UNDO_OFFER_MS - 1);
		expect(offer.entry?.id).toBe('t2');
	});

	it('[R36] withdrawn when it is undone from another device, and when the session ends', () => {
		const offer = new UndoOffer();
		offer.observe([]);
		offer.observe([entry('t1')]);
		offer.observe([]);
		expect(offer.entry, 'undone elsewhere').toBeNull();
		offer.observe([entry('t2')]);
		expect(offer.entry?.id).toBe('t2');
		offer.observe(null);
		expect(offer.entry, 'the session ended').toBeNull();
		offer.dispose();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('[R36] an entry seen once is never offered again (a snapshot repeated after a reconnect)', () => {
		const offer = new UndoOffer();
		offer.observe([]);
		offer.observe([entry('t1')]);
		vi.advanceTimersByTime(UNDO_OFFER_MS);
		offer.observe([entry('t1')]);
		expect(offer.entry).toBeNull();
	});
});
