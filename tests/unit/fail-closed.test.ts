/**
 * [R28] The projector's privacy guard, directly: session content shows only while it is known to be
 * current. Time is Vitest's fake clock, so each boundary is exact.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK } from '../../src/lib/client/room-connection.svelte.ts';
import { FailClosed, OFFLINE_GRACE_MS } from '../../src/lib/components/display/fail-closed.svelte.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('FailClosed', () => {
	it('[R28] starts closed, and opens at the first snapshot while online', () => {
		const guard = new FailClosed();
		expect(guard.closed).toBe(true);
		guard.observe(LINK.connecting, 0);
		guard.observe(LINK.online, 0);
		expect(guard.closed, 'online, but nothing received yet').toBe(true);
		guard.observe(LINK.online, 1);
		expect(guard.closed).toBe(false);
	});

	it(`[R28] stays open through a drop shorter than ${OFFLINE_GRACE_MS} ms, and closes at ${OFFLINE_GRACE_MS} ms`, () => {
		const guard = new FailClosed();
		guard.observe(LINK.online, 1);
		guard.observe(LINK.offline, 1);
		vi.advanceTimersByTime(OFFLINE_GRACE_MS - 1);
		expect(guard.closed).toBe(false);
		guard.observe(LINK.online, 1); // back in time: the timer is cancelled
		vi.advanceTimersByTime(OFFLINE_GRACE_MS * 2);
		expect(guard.closed).toBe(false);
		guard.observe(LINK.offline, 1);
		vi.advanceTimersByTime(OFFLINE_GRACE_MS);
		expect(guard.closed).toBe(true);
	});

	it('[R28] once closed, reopens only on a snapshot newer than what it had: never on the stale one', () => {
		const guard = new FailClosed();
		guard.observe(LINK.online, 3);
		guard.observe(LINK.offline, 3);
		vi.advanceTimersByTime(OFFLINE_GRACE_MS);
		expect(guard.closed).toBe(true);
		guard.observe(LINK.online, 3);
		expect(guard.closed, 'online again, but the room may have ended meanwhile').toBe(true);
		guard.observe(LINK.online, 4);
		expect(guard.closed).toBe(false);
	});

	it('[R28] a refused or removed device closes too, and dispose leaves no timer', () => {
		for (const status of [LINK.refused, LINK.revoked, LINK.outdated]) {
			const guard = new FailClosed();
			guard.observe(LINK.online, 1);
			guard.observe(status, 1);
			vi.advanceTimersByTime(OFFLINE_GRACE_MS);
			expect(guard.closed, status).toBe(true);
		}
		const guard = new FailClosed();
		guard.observe(LINK.online, 1);
		guard.observe(LINK.offline, 1);
		guard.dispose();
		expect(vi.getTimerCount()).toBe(0);
	});
});
