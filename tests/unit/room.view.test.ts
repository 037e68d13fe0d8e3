import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { inSession, play } from '../helpers/room-fixtures.ts';

const seedRoom = () =>
	inSession(
		{ type: 'group.setOpeningWords', text: 'Welcome to the Harm Reduction Group' },
		{ type: 'topics.add', text: 'Medical marijuana' },
		{ type: 'speaker.set', name: 'Casey' },
		{ type: 'queue.add', name: 'Kyle' },
		{ type: 'parkingLot.add', text: 'Running out of juice' },
		{ type: 'board.setTitle', title: 'Speed' },
		{ type: 'board.addItem', column: 'left', text: 'Clean up while high' },
		{ type: 'board.addDraft', column: 'right', text: 'Draft: four T-cells' },
		{ type: 'board.addItem', column: 'right', text: 'Could lose the apartment' }
	);

describe('what each role is sent', () => {
	it('[R40] facilitators get everything', () => {
		const room = seedRoom();
		expect(viewFor('facilitator', room)).toBe(room);
	});

	it('[R37][R40] a display gets no drafts, no opening words, no trash and no counts of the last session', () => {
		const room = play(seedRoom(), { type: 'queue.remove', entryId: seedRoom().session!.queue[0].id });
		const view = viewFor('display', room);
		const text = JSON.stringify(view);
		expect(text).not.toContain('Draft: four T-cells');
		expect(text).not.toContain('Harm Reduction');
		expect(text).not.toContain('Kyle'); // removed, and only in the trash now
		expect(view.session!.board.columns.right.map((i) => i.text)).toEqual(['Could lose the apartment']);
		expect(view.session!.speaker!.name).toBe('Casey');
		expect(view.group.topics.map((t) => t.text)).toEqual(['Medical marijuana']);
	});

	it('[R40] a display is never sent the headcount', () => {
		const view = viewFor('display', play(seedRoom(), { type: 'headcount.arrive' }, { type: 'headcount.arrive' }));
		expect(view.session!.headcount).toEqual({ here: 0, peak: 0, arrivals: 0 });
	});

	it('[R38] a hidden column is sent to displays empty', () => {
		const view = viewFor('display', play(seedRoom(), { type: 'board.hideColumn', column: 'left', hidden: true }));
		expect(view.session!.board.columns.left).toEqual([]);
		expect(view.session!.board.hidden.left).toBe(true);
	});

	it('[R34] behind the privacy screen a display gets nothing of the session', () => {
		const view = viewFor('display', play(seedRoom(), { type: 'privacy.blank', on: true }));
		expect(view.session!.privacy).toBe(true);
		expect(JSON.stringify(view)).not.toMatch(/Casey|Kyle|Speed|apartment|juice|marijuana/);
	});

	it('[R40] between sessions a display gets no topics either', () => {
		const view = viewFor('display', play(seedRoom(), { type: 'session.end' }));
		expect(view.session).toBeNull();
		expect(view.group.topics).toEqual([]);
		expect(view.group.lastSession).toBeNull();
	});
});
