import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src/lib/room/room.ts';
import { LIMITS, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, inSession, play } from '../helpers/room-fixtures.ts';

const names = (room: RoomState) => room.session!.queue.map((e) => e.name);
const refusal = (room: RoomState, input: CommandInput) => {
	const result = applyCommand(room, cmd(input), { now: NOW });
	return result.ok ? null : result.error.code;
};

describe('speaker and feedback permission', () => {
	it('[R6] a new speaker starts at "unasked"', () => {
		const room = inSession({ type: 'speaker.set', name: 'Casey' });
		expect(room.session!.speaker).toEqual({ name: 'Casey', permission: 'unasked', since: NOW });
	});

	it('[R6] setting a speaker again starts a new turn at "unasked", even with the same name', () => {
		const room = inSession(
			{ type: 'speaker.set', name: 'Casey' },
			{ type: 'feedback.set', permission: 'granted' },
			{ type: 'speaker.set', name: 'Casey' }
		);
		expect(room.session!.speaker!.permission).toBe('unasked');
	});

	it('[R7] feedback.set records each answer and changes only the permission', () => {
		for (const permission of ['granted', 'declined', 'unasked'] as const) {
			const room = inSession({ type: 'speaker.set', name: 'Casey' }, { type: 'feedback.set', permission });
			expect(room.session!.speaker).toEqual({ name: 'Casey', permission, since: NOW });
		}
	});

	it('[R7] feedback.set with nobody speaking is refused', () => {
		expect(refusal(inSession(), { type: 'feedback.set', permission: 'granted' })).toBe('no_speaker');
	});

	it('[R8] speaker.clear leaves nobody speaking and the queue as it was', () => {
		const room = inSession({ type: 'queue.add', name: 'Kyle' }, { type: 'speaker.set', name: 'Casey' }, { type: 'speaker.clear' });
		expect(room.session!.speaker).toBeNull();
		expect(names(room)).toEqual(['Kyle']);
		expect(refusal(room, { type: 'speaker.clear' })).toBe('no_speaker');
	});
});

describe('queue', () => {
	it('[R9] queue.add appends to the end, names as given', () => {
		const room = inSession({ type: 'queue.add', name: 'Tasha' }, { type: 'queue.add', name: 'Kurt' }, { type: 'queue.add', name: '  DJ ' });
		expect(names(room)).toEqual(['Tasha', 'Kurt', '  DJ ']);
	});

	it(`[R9] the queue holds at most ${LIMITS.QUEUE_MAX} people`, () => {
		const adds = Array.from({ length: LIMITS.QUEUE_MAX }, () => ({ type: 'queue.add', name: 'Vaughn' }) as const);
		const room = inSession(...adds);
		expect(refusal(room, { type: 'queue.add', name: 'Kellie' })).toBe('full');
	});

	it('[R10] queue.move puts an entry at the new position; past the end means last', () => {
		let room = inSession(
			{ type: 'queue.add', name: 'Tasha' },
			{ type: 'queue.add', name: 'Kurt' },
			{ type: 'queue.add', name: 'Kyle' }
		);
		const kyle = room.session!.queue[2].id;
		room = play(room, { type: 'queue.move', entryId: kyle, toIndex: 0 });
		expect(names(room)).toEqual(['Kyle', 'Tasha', 'Kurt']);
		room = play(room, { type: 'queue.move', entryId: kyle, toIndex: 1 });
		expect(names(room)).toEqual(['Tasha', 'Kyle', 'Kurt']);
		room = play(room, { type: 'queue.move', entryId: kyle, toIndex: 1000 });
		expect(names(room)).toEqual(['Tasha', 'Kurt', 'Kyle']);
	});

	it('[R11] queue.remove takes exactly that entry off; a gone entry is refused', () => {
		let room = inSession({ type: 'queue.add', name: 'Kurt' }, { type: 'queue.add', name: 'Kurt' });
		const [first] = room.session!.queue;
		room = play(room, { type: 'queue.remove', entryId: first.id });
		expect(room.session!.queue.map((e) => e.id)).not.toContain(first.id);
		expect(names(room)).toEqual(['Kurt']);
		expect(refusal(room, { type: 'queue.remove', entryId: first.id })).toBe('not_found');
		expect(refusal(room, { type: 'queue.move', entryId: first.id, toIndex: 0 })).toBe('not_found');
	});

	it('[R12] queue.next makes the first in the queue the speaker, at "unasked"', () => {
		const room = inSession(
			{ type: 'speaker.set', name: 'Casey' },
			{ type: 'feedback.set', permission: 'granted' },
			{ type: 'queue.add', name: 'Tasha' },
			{ type: 'queue.add', name: 'Kurt' },
			{ type: 'queue.next' }
		);
		expect(room.session!.speaker).toEqual({ name: 'Tasha', permission: 'unasked', since: NOW });
		expect(names(room)).toEqual(['Kurt']);
	});

	it('[R12] queue.next with nobody waiting is refused', () => {
		expect(refusal(inSession({ type: 'speaker.set', name: 'Casey' }), { type: 'queue.next' })).toBe('queue_empty');
	});
});
