import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { LIMITS, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, freshRoom, inSession, play } from '../helpers/room-fixtures.ts';

const refusal = (room: RoomState, input: CommandInput) => {
	const result = applyCommand(room, cmd(input), { now: NOW });
	return result.ok ? null : result.error.code;
};

describe('group settings and topics for next time', () => {
	it('[R29] settings change without a session and only touch the group', () => {
		const room = play(
			freshRoom(),
			{ type: 'group.rename', name: 'Wednesday group' },
			{ type: 'group.setSchedule', days: ['mon', 'wed', 'fri'], start: '13:30', end: '14:30', timeZone: 'America/Los_Angeles' },
			{ type: 'group.setOpeningWords', text: 'Hello! Welcome. Everyone is welcome just as they are.' },
			{ type: 'group.setAgreements', agreements: ['Come and go as you need', 'Ask before giving feedback', 'No threats of any kind'] },
			{ type: 'group.setLanguage', language: 'en+es' }
		);
		expect(room.session).toBeNull();
		expect(room.version).toBe(6);
		expect(room.group).toMatchObject({
			name: 'Wednesday group',
			schedule: { days: ['mon', 'wed', 'fri'], start: '13:30', end: '14:30', timeZone: 'America/Los_Angeles' },
			openingWords: 'Hello! Welcome. Everyone is welcome just as they are.',
			agreements: ['Come and go as you need', 'Ask before giving feedback', 'No threats of any kind'],
			language: 'en+es'
		});
	});

	it('[R29] null puts opening words and agreements back to the defaults; the schedule can be cleared', () => {
		const room = play(
			freshRoom(),
			{ type: 'group.setOpeningWords', text: 'Hi' },
			{ type: 'group.setAgreements', agreements: ['Be kind'] },
			{ type: 'group.setSchedule', days: ['mon'], start: '13:30', end: '14:30', timeZone: 'UTC' },
			{ type: 'group.setOpeningWords', text: null },
			{ type: 'group.setAgreements', agreements: null },
			{ type: 'group.clearSchedule' }
		);
		expect(room.group).toMatchObject({ openingWords: null, agreements: null, schedule: null });
	});

	it('[R41] a schedule that ends when it starts is refused', () => {
		expect(refusal(freshRoom(), { type: 'group.setSchedule', days: ['mon'], start: '13:30', end: '13:30', timeZone: 'UTC' })).toBe('invalid_field');
	});

	it('[R33] topics for next time are kept across sessions, and can be removed', () => {
		let room = inSession({ type: 'topics.add', text: 'Medical marijuana' }, { type: 'topics.add', text: 'Housing rights' });
		room = play(room, { type: 'session.end' }, { type: 'session.start' });
		expect(room.group.topics.map((t) => t.text)).toEqual(['Medical marijuana', 'Housing rights']);
		room = play(room, { type: 'topics.remove', topicId: room.group.topics[0].id });
		expect(room.group.topics.map((t) => t.text)).toEqual(['Housing rights']);
		expect(refusal(room, { type: 'topics.remove', topicId: 'gone' })).toBe('not_found');
	});

	it(`[R33] at most ${LIMITS.TOPICS_MAX} topics wait for next time`, () => {
		const room = play(freshRoom(), ...Array.from({ length: LIMITS.TOPICS_MAX }, () => ({ type: 'topics.add', text: 'x' }) as const));
		expect(refusal(room, { type: 'topics.add', text: 'one more' })).toBe('full');
	});

	it('[R30] session.end keeps only the counts of the session, for the facilitators', () => {
		const later = NOW + 60 * 60_000;
		let room = inSession({ type: 'headcount.arrive' }, { type: 'headcount.arrive' }, { type: 'headcount.leave' }, { type: 'speaker.set', name: 'Casey' });
		const ended = applyCommand(room, cmd({ type: 'session.end' }), { now: later });
		if (!ended.ok) throw new Error('refused');
		room = ended.state;
		expect(room.session).toBeNull();
		expect(room.group.lastSession).toEqual({ id: expect.any(String), startedAt: NOW, endedAt: later, here: 1, peak: 2, arrivals: 2 });
		expect(JSON.stringify(room)).not.toContain('Casey');
	});
});
