/** [R53] Records for funders and [R54] topics carried to next time, from the seed's Monday group. */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { RECORDS_RETENTION_MS } from '../../src/lib/room/room.records.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { LIMITS, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, freshRoom, inSession, play } from '../helpers/room-fixtures.ts';

const DAY = 24 * 3600 * 1000;
const at = (room: RoomState, now: number, ...inputs: CommandInput[]) => {
	let current = room;
	for (const input of inputs) {
		const result = applyCommand(current, cmd(input), { now });
		if (!result.ok) throw new Error(`${input.type} refused: ${result.error.code}`);
		current = result.state;
	}
	return current;
};
const refusal = (room: RoomState, input: CommandInput) => {
	const result = applyCommand(room, cmd(input), { now: NOW });
	return result.ok ? null : result.error.code;
};

/** A Monday session: 13 people came, 11 were still there at the end. */
function monday(room: RoomState, now: number): RoomState {
	const arrive = Array.from({ length: 13 }, () => ({ type: 'headcount.arrive' }) as const);
	return at(room, now, { type: 'session.start' }, { type: 'speaker.set', name: 'Casey' }, ...arrive, { type: 'headcount.leave' }, { type: 'headcount.leave' }, { type: 'session.end' });
}

describe('[R53] records for funders', () => {
	it('[R53] every session.end adds its counts, and nothing else of it: never a name or a word', () => {
		const room = monday(monday(freshRoom(), NOW), NOW + 2 * DAY);
		expect(room.group.records).toHaveLength(2);
		expect(room.group.records[1]).toEqual({ id: expect.stringMatching(/^r\d+$/), startedAt: NOW + 2 * DAY, endedAt: NOW + 2 * DAY, arrivals: 13, peak: 13, here: 11 });
		expect(room.group.lastSession).toEqual(room.group.records[1]);
		expect(JSON.stringify(room.group.records)).not.toContain('Casey');
		expect(Object.keys(room.group.records[0]).sort()).toEqual(['arrivals', 'endedAt', 'here', 'id', 'peak', 'startedAt']);
	});

	it('[R53] no snapshot carries them: facilitators and displays both get []', () => {
		const room = monday(freshRoom(), NOW);
		expect(viewFor('facilitator', room).group.records).toEqual([]);
		expect(viewFor('facilitator', room).group.lastSession).toEqual(room.group.records[0]);
		expect(viewFor('display', room).group.records).toEqual([]);
		expect(viewFor('display', room).group.lastSession).toBeNull();
	});

	it('[R53] records past the retention are dropped by the next accepted command, the last session too', () => {
		const old = monday(freshRoom(), NOW);
		const recent = monday(old, NOW + 300 * DAY);
		const later = at(recent, NOW + RECORDS_RETENTION_MS + DAY, { type: 'topics.add', text: 'Safer injecting' });
		expect(later.group.records.map((r) => r.startedAt)).toEqual([NOW + 300 * DAY]);
		const muchLater = at(later, NOW + 300 * DAY + RECORDS_RETENTION_MS + DAY, { type: 'topics.add', text: 'Naloxone' });
		expect(muchLater.group.records).toEqual([]);
		expect(muchLater.group.lastSession).toBeNull();
	});

	it('[R53] the operator sets the retention', () => {
		const room = monday(freshRoom(), NOW);
		const result = applyCommand(room, cmd({ type: 'topics.add', text: 'x' }), { now: NOW + 31 * DAY, recordsRetentionMs: 30 * DAY });
		expect(result.ok && result.state.group.records).toEqual([]);
	});

	it(`[R53] at most ${LIMITS.RECORDS_MAX} are kept, the oldest go first`, () => {
		let room = freshRoom();
		const end = Array.from({ length: 3 }, () => [{ type: 'session.start' }, { type: 'session.end' }] as const).flat();
		room = { ...room, group: { ...room.group, records: Array.from({ length: LIMITS.RECORDS_MAX }, (_, i) => ({ id: `r${i}`, startedAt: NOW, endedAt: NOW, arrivals: 1, peak: 1, here: 0 })) } };
		room = at(room, NOW, ...end);
		expect(room.group.records).toHaveLength(LIMITS.RECORDS_MAX);
		expect(room.group.records[0].id).toBe('r3');
	});

	it('[R53] a facilitator deletes one record, or all of them; deleting the newest clears the last session', () => {
		const room = monday(monday(freshRoom(), NOW), NOW + DAY);
		const [first, second] = room.group.records;
		const withoutFirst = at(room, NOW + DAY, { type: 'records.remove', recordId: first.id });
		expect(withoutFirst.group.records).toEqual([second]);
		expect(withoutFirst.group.lastSession).toEqual(second);
		const withoutSecond = at(room, NOW + DAY, { type: 'records.remove', recordId: second.id });
		expect(withoutSecond.group.lastSession).toBeNull();
		const none = at(room, NOW + DAY, { type: 'records.clear' });
		expect(none.group).toMatchObject({ records: [], lastSession: null });
		expect(refusal(withoutFirst, { type: 'records.remove', recordId: first.id })).toBe('not_found');
	});

	it('[R53][R29] records commands need no session', () => {
		const room = monday(freshRoom(), NOW);
		expect(at(room, NOW, { type: 'session.start' }, { type: 'records.clear' }).group.records).toEqual([]);
	});
});

describe('[R54] parked topics carried to next time', () => {
	const parked = () =>
		inSession(
			{ type: 'parkingLot.add', text: 'Medical marijuana: what are the benefits?' },
			{ type: 'parkingLot.add', text: 'Housing: what can a landlord do?' },
			{ type: 'parkingLot.add', text: 'More juice' }
		);

	it('[R54] session.end keeps the chosen parked topics, in parking-lot order, and wipes the rest', () => {
		const room = parked();
		const [marijuana, housing, juice] = room.session!.parkingLot;
		const ended = play(room, { type: 'session.end', carry: [housing.id, marijuana.id] });
		expect(ended.group.topics).toEqual([marijuana, housing]);
		expect(JSON.stringify(ended)).not.toContain(juice.text);
		expect(ended.session).toBeNull();
	});

	it('[R54] with no carry (or an empty one) nothing of the parking lot is kept', () => {
		expect(play(parked(), { type: 'session.end' }).group.topics).toEqual([]);
		expect(play(parked(), { type: 'session.end', carry: [] }).group.topics).toEqual([]);
	});

	it('[R54][R11] a topic no longer in the parking lot refuses the end, not_found; nothing ends', () => {
		const room = parked();
		const gone = room.session!.parkingLot[0].id;
		const after = play(room, { type: 'parkingLot.remove', topicId: gone });
		expect(refusal(after, { type: 'session.end', carry: [gone] })).toBe('not_found');
	});

	it(`[R54][R33] more than ${LIMITS.TOPICS_MAX} topics for next time refuses the end, full`, () => {
		const topics = Array.from({ length: LIMITS.TOPICS_MAX - 1 }, (_, i) => ({ type: 'topics.add', text: `Topic ${i}` }) as const);
		const room = play(parked(), ...topics);
		const [a, b] = room.session!.parkingLot;
		expect(refusal(room, { type: 'session.end', carry: [a.id, b.id] })).toBe('full');
		expect(play(room, { type: 'session.end', carry: [a.id] }).group.topics).toHaveLength(LIMITS.TOPICS_MAX);
	});
});
