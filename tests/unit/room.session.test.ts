import { describe, expect, it } from 'vitest';
import { applyCommand, canSend } from '../../src/lib/room/room.ts';
import { COMMAND_TYPES, ROLE } from '../../src/lib/protocol/protocol.ts';
import { NOW, cmd, freshRoom, inSession, play } from '../helpers/room-fixtures.ts';

describe('session', () => {
	it('[R3] session.start opens an empty session with default headings', () => {
		const room = play(freshRoom(), { type: 'session.start' });
		expect(room.session).toMatchObject({
			startedAt: NOW,
			speaker: null,
			queue: [],
			board: { title: '', preset: 'balance', headings: { left: null, right: null }, hidden: { left: false, right: false }, columns: { left: [], right: [] } },
			headcount: { here: 0, peak: 0, arrivals: 0 },
			parkingLot: [],
			privacy: false,
			agreementsShown: true,
			trash: []
		});
	});

	it('[R3] session.start while a session runs is refused and changes nothing', () => {
		const room = inSession({ type: 'speaker.set', name: 'Casey' });
		const result = applyCommand(room, cmd({ type: 'session.start' }), { now: NOW });
		expect(result).toEqual({ ok: false, error: { code: 'session_active', message: expect.any(String) } });
	});

	it('[R4] every command but session.start needs a running session', () => {
		const room = freshRoom();
		const examples = [
			{ type: 'session.end' },
			{ type: 'speaker.set', name: 'Casey' },
			{ type: 'speaker.clear' },
			{ type: 'feedback.set', permission: 'granted' },
			{ type: 'queue.add', name: 'Kyle' },
			{ type: 'queue.next' },
			{ type: 'board.addItem', column: 'left', text: 'x' },
			{ type: 'board.clear' }
		] as const;
		for (const input of examples) {
			const result = applyCommand(room, cmd(input), { now: NOW });
			expect(result.ok ? null : result.error.code, input.type).toBe('no_session');
		}
	});

	it('[R5] session.end wipes names, queue and board; the group stays', () => {
		const room = inSession(
			{ type: 'speaker.set', name: 'Casey' },
			{ type: 'queue.add', name: 'Tasha' },
			{ type: 'board.setTitle', title: 'Speed' },
			{ type: 'board.addItem', column: 'left', text: 'Clean the apartment' },
			{ type: 'session.end' }
		);
		expect(room.session).toBeNull();
		expect(room.group.name).toBe('Monday group');
		const text = JSON.stringify(room);
		for (const word of ['Casey', 'Tasha', 'Speed', 'apartment']) expect(text).not.toContain(word);
	});

	it('[R1] the version rises by exactly one per accepted command', () => {
		let room = freshRoom();
		const inputs = [
			{ type: 'session.start' },
			{ type: 'speaker.set', name: 'Casey' },
			{ type: 'feedback.set', permission: 'granted' },
			{ type: 'queue.add', name: 'Kurt' },
			{ type: 'session.end' }
		] as const;
		for (const input of inputs) {
			const before = room.version;
			room = play(room, input);
			expect(room.version).toBe(before + 1);
		}
	});

	it('[R1] a refused command leaves the state untouched', () => {
		const room = inSession({ type: 'queue.add', name: 'Kurt' });
		const copy = structuredClone(room);
		const result = applyCommand(room, cmd({ type: 'queue.remove', entryId: 'q999' }), { now: NOW });
		expect(result.ok).toBe(false);
		expect(room).toEqual(copy);
	});

	it('[R2] a display may send no command; a facilitator may send every command', () => {
		for (const type of COMMAND_TYPES) {
			expect(canSend(ROLE.display, type), type).toBe(false);
			expect(canSend(ROLE.facilitator, type), type).toBe(true);
		}
	});

	it('[R17] ids are unique for the whole life of the group, across sessions', () => {
		let room = inSession({ type: 'queue.add', name: 'Kurt' }, { type: 'board.addItem', column: 'left', text: 'a' });
		const first = [room.session!.queue[0].id, room.session!.board.columns.left[0].id];
		room = play(room, { type: 'session.end' }, { type: 'session.start' });
		room = play(room, { type: 'queue.add', name: 'Kurt' }, { type: 'board.addItem', column: 'left', text: 'a' });
		const second = [room.session!.queue[0].id, room.session!.board.columns.left[0].id];
		expect(new Set([...first, ...second]).size).toBe(4);
	});
});
