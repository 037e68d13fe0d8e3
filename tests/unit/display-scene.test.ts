/**
 * What the projector draws (scene-content.ts): a board only with something to read [R61], nothing
 * that did not open [R63], and the same picture from a facilitator's whole state as from the
 * display's view of it [R40], so the preview on a phone shows what the room sees.
 */
import { describe, expect, it } from 'vitest';
import { boardOnWall, sceneOf } from '../../src/lib/components/display/scene-content.ts';
import type { CommandInput, RoomState } from '../../src/lib/protocol/protocol.ts';
import { applyCommand } from '../../src/lib/room/room.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { cmd, freshRoom, inSession, NOW, play } from '../helpers/room-fixtures.ts';

const withBoard = (...inputs: CommandInput[]) => inSession({ type: 'speaker.set', name: 'Casey' }, ...inputs);

describe('the board on the wall', () => {
	it('[R61] an untitled board with no item shown is not drawn: the people have the whole screen', () => {
		expect(sceneOf(withBoard()).session!.board).toBeNull();
		expect(sceneOf(withBoard({ type: 'board.addDraft', column: 'left', text: 'Clean up while high' })).session!.board).toBeNull();
	});

	it('[R61] a title or one shown item puts it up', () => {
		expect(sceneOf(withBoard({ type: 'board.setTitle', title: 'Speed' })).session!.board?.title).toBe('Speed');
		const board = sceneOf(withBoard({ type: 'board.addItem', column: 'right', text: 'Could lose the apartment' })).session!.board;
		expect(board?.columns.right.map((i) => i.text)).toEqual(['Could lose the apartment']);
	});

	it('[R61][R38] hiding both columns takes the whole board down, title and all', () => {
		const room = withBoard(
			{ type: 'board.setTitle', title: 'Speed' },
			{ type: 'board.addItem', column: 'left', text: 'Clean up while high' },
			{ type: 'board.hideColumn', column: 'left', hidden: true }
		);
		expect(sceneOf(room).session!.board?.title).toBe('Speed');
		expect(sceneOf(play(room, { type: 'board.hideColumn', column: 'right', hidden: true })).session!.board).toBeNull();
	});

	it('[R61] with a hidden column, an untitled board needs an item in the other one', () => {
		const room = withBoard({ type: 'board.addItem', column: 'left', text: 'Clean up while high' }, { type: 'board.hideColumn', column: 'left', hidden: true });
		expect(sceneOf(room).session!.board).toBeNull();
	});

	it('[R61] the board a display receives once it is taken off the wall (no title, no columns) is not drawn', () => {
		const board = withBoard().session!.board;
		expect(boardOnWall({ ...board, title: '', columns: { left: [], right: [] } })).toBeNull();
	});
});

describe('a value that did not open', () => {
	it('[R49][R63] leaves out the queue row, the topic and the item, and shows nobody speaking rather than a nameless speaker', () => {
		const room = withBoard(
			{ type: 'queue.add', name: 'Kurt' },
			{ type: 'queue.add', name: 'Tasha' },
			{ type: 'parkingLot.add', text: 'Medical marijuana' },
			{ type: 'topics.add', text: 'Naloxone' },
			{ type: 'board.addItem', column: 'left', text: 'Clean up while high' },
			{ type: 'board.addItem', column: 'left', text: 'Gets me away for a while' }
		);
		// as RoomCipher hands it over when a value fails to open: ''
		const s = room.session!;
		const opened: RoomState = {
			...room,
			group: { ...room.group, topics: [{ ...room.group.topics[0], text: '' }] },
			session: {
				...s,
				speaker: { ...s.speaker!, name: '' },
				queue: [{ ...s.queue[0], name: '' }, s.queue[1]],
				parkingLot: [{ ...s.parkingLot[0], text: '' }],
				board: { ...s.board, columns: { ...s.board.columns, left: [{ ...s.board.columns.left[0], text: '' }, s.board.columns.left[1]] } }
			}
		};
		const scene = sceneOf(opened).session!;
		expect(scene.speaker).toBeNull();
		expect(scene.queue.map((e) => e.name)).toEqual(['Tasha']);
		expect(scene.parkingLot).toEqual([]);
		expect(scene.topics).toEqual([]);
		expect(scene.board?.columns.left.map((i) => i.text)).toEqual(['Gets me away for a while']);
	});
});

describe('the preview draws what the room sees', () => {
	it('[R34][R35] the privacy screen and the agreements, from a facilitator\'s state', () => {
		const room = withBoard({ type: 'board.setTitle', title: 'Speed' });
		expect(sceneOf(play(room, { type: 'privacy.blank', on: true }))).toEqual({ kind: 'privacy', group: null, startedAt: null, session: null });
		expect(sceneOf(play(room, { type: 'agreements.show', on: true })).kind).toBe('agreements');
		expect(sceneOf(null).kind).toBe('closed');
	});

	it('[R40] from a facilitator\'s whole state as from the display\'s view of it, through a seeded run of a session', () => {
		const moves: ((room: RoomState, n: number) => CommandInput | null)[] = [
			(_, n) => ({ type: 'speaker.set', name: ['Casey', 'Kurt', 'Tasha', 'Franco'][n % 4] }),
			(_, n) => ({ type: 'queue.add', name: ['Kyle', 'DJ', 'Kellie', 'Vaughn'][n % 4] }),
			() => ({ type: 'queue.next' }),
			(r) => (r.session?.queue[0] ? { type: 'queue.remove', entryId: r.session.queue[0].id } : null),
			(_, n) => ({ type: 'parkingLot.add', text: `Topic ${n}` }),
			(_, n) => ({ type: 'topics.add', text: `Next time ${n}` }),
			(_, n) => ({ type: 'board.setTitle', title: n % 3 === 0 ? null : 'Speed' }),
			(_, n) => ({ type: 'board.addItem', column: n % 2 ? 'left' : 'right', text: `Item ${n}` }),
			(_, n) => ({ type: 'board.addDraft', column: n % 2 ? 'left' : 'right', text: `Draft ${n}` }),
			(r) => {
				const draft = r.session?.board.columns.left.find((i) => i.draft) ?? r.session?.board.columns.right.find((i) => i.draft);
				return draft ? { type: 'board.showItem', itemId: draft.id } : null;
			},
			(_, n) => ({ type: 'board.hideColumn', column: n % 2 ? 'left' : 'right', hidden: n % 3 !== 0 }),
			() => ({ type: 'board.clear' }),
			(_, n) => ({ type: 'board.show', on: n % 3 !== 0 }),
			(_, n) => ({ type: 'privacy.blank', on: n % 4 === 0 }),
			(_, n) => ({ type: 'agreements.show', on: n % 5 === 0 }),
			(_, n) => ({ type: 'feedback.set', permission: (['unasked', 'granted', 'declined'] as const)[n % 3] }),
			(_, n) => (n % 17 === 0 ? { type: 'session.end' } : { type: 'session.start' })
		];
		let seed = 20261123;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		let room = freshRoom();
		let applied = 0;
		for (let n = 0; n < 600; n++) {
			const input = moves[Math.floor(random() * moves.length)](room, n);
			if (!input) continue;
			const result = applyCommand(room, cmd(input), { now: NOW + n * 1000 });
			if (!result.ok) continue;
			room = result.state;
			applied += 1;
			expect(sceneOf(room), `after ${input.type} (#${n})`).toEqual(sceneOf(viewFor('display', room)));
		}
		expect(applied).toBeGreaterThan(300);
	});
});
