import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { LIMITS, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, inSession, play } from '../helpers/room-fixtures.ts';

const refusal = (room: RoomState, input: CommandInput) => {
	const result = applyCommand(room, cmd(input), { now: NOW });
	return result.ok ? null : result.error.code;
};

describe('headcount, parking lot, privacy screen and agreements', () => {
	it('[R31] counts arrivals, people here now and the peak, never names', () => {
		// 13 people joined the Monday group over the hour, never more than 9 at once
		let room = inSession();
		for (let i = 0; i < 9; i++) room = play(room, { type: 'headcount.arrive' });
		for (let i = 0; i < 4; i++) room = play(room, { type: 'headcount.leave' }, { type: 'headcount.arrive' });
		room = play(room, { type: 'headcount.leave' });
		expect(room.session!.headcount).toEqual({ here: 8, peak: 9, arrivals: 13 });
	});

	it('[R31] leave with nobody counted is refused', () => {
		expect(refusal(inSession(), { type: 'headcount.leave' })).toBe('nobody_here');
	});

	it('[R32] the parking lot keeps topics in order; removal by id; bounded', () => {
		let room = inSession({ type: 'parkingLot.add', text: 'Medical marijuana' }, { type: 'parkingLot.add', text: 'Running out of juice' });
		expect(room.session!.parkingLot.map((t) => t.text)).toEqual(['Medical marijuana', 'Running out of juice']);
		room = play(room, { type: 'parkingLot.remove', topicId: room.session!.parkingLot[1].id });
		expect(room.session!.parkingLot.map((t) => t.text)).toEqual(['Medical marijuana']);
		expect(refusal(room, { type: 'parkingLot.remove', topicId: 'p0' })).toBe('not_found');
		const fullLot = play(room, ...Array.from({ length: LIMITS.PARKING_LOT_MAX - 1 }, () => ({ type: 'parkingLot.add', text: 'x' }) as const));
		expect(refusal(fullLot, { type: 'parkingLot.add', text: 'y' })).toBe('full');
	});

	it('[R34] the privacy screen goes up and down, and is down when a session starts', () => {
		let room = inSession({ type: 'privacy.blank', on: true });
		expect(room.session!.privacy).toBe(true);
		room = play(room, { type: 'privacy.blank', on: false });
		expect(room.session!.privacy).toBe(false);
		room = play(room, { type: 'privacy.blank', on: true }, { type: 'session.end' }, { type: 'session.start' });
		expect(room.session!.privacy).toBe(false);
	});

	it('[R35] the agreements show when a session opens, until the first speaker; and on request', () => {
		let room = inSession();
		expect(room.session!.agreementsShown).toBe(true);
		room = play(room, { type: 'speaker.set', name: 'Casey' });
		expect(room.session!.agreementsShown).toBe(false);
		room = play(room, { type: 'agreements.show', on: true });
		expect(room.session!.agreementsShown).toBe(true);
		room = play(room, { type: 'queue.add', name: 'Kyle' }, { type: 'queue.next' });
		expect(room.session!.agreementsShown).toBe(false);
	});

	it('[R39] a heading preset replaces own headings', () => {
		const room = inSession({ type: 'board.setHeading', column: 'left', text: 'Mine' }, { type: 'board.usePreset', preset: 'change' });
		expect(room.session!.board).toMatchObject({ preset: 'change', headings: { left: null, right: null } });
	});

	it('[R37] a draft item is staged, then shown', () => {
		let room = inSession({ type: 'board.addDraft', column: 'right', text: 'Could lose the apartment' });
		const item = room.session!.board.columns.right[0];
		expect(item.draft).toBe(true);
		room = play(room, { type: 'board.showItem', itemId: item.id });
		expect(room.session!.board.columns.right[0]).toEqual({ ...item, draft: false });
		expect(refusal(room, { type: 'board.showItem', itemId: item.id })).toBe('not_found');
	});

	it('[R38] a column can be hidden and shown again', () => {
		let room = inSession({ type: 'board.hideColumn', column: 'left', hidden: true });
		expect(room.session!.board.hidden).toEqual({ left: true, right: false });
		room = play(room, { type: 'board.hideColumn', column: 'left', hidden: false });
		expect(room.session!.board.hidden).toEqual({ left: false, right: false });
	});
});
