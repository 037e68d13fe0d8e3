/** The group's devices and invites as pure rules (src/lib/room/room.devices.ts). */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/lib/protocol/protocol.ts';
import { applyCommand } from '../../src/lib/room/room.ts';
import { NOW, cmd, freshRoom } from '../helpers/room-fixtures.ts';

const invite = (n: number, expiresAt = NOW + 600_000) => ({ id: `i${n}`, label: `Invite ${n}`, expiresAt });

describe('invites', () => {
	it(`[R65] a group holds at most ${LIMITS.INVITES_PENDING_MAX} waiting invites: one more is refused full and changes nothing`, () => {
		let room = freshRoom();
		for (let n = 0; n < LIMITS.INVITES_PENDING_MAX; n++) {
			const made = applyCommand(room, cmd({ type: 'invite.create', label: `Invite ${n}` }), { now: NOW, newInvite: invite(n) });
			if (!made.ok) throw new Error(made.error.message);
			room = made.state;
		}
		const over = applyCommand(room, cmd({ type: 'invite.create', label: 'One more' }), { now: NOW, newInvite: invite(99) });
		expect(over).toMatchObject({ ok: false, error: { code: 'full' } });
	});

	it('[R65] expired invites do not count against the cap', () => {
		const room = { ...freshRoom(), invites: Array.from({ length: LIMITS.INVITES_PENDING_MAX }, (_, n) => invite(n, NOW - 1)) };
		const made = applyCommand(room, cmd({ type: 'invite.create', label: 'Fresh' }), { now: NOW, newInvite: invite(99) });
		expect(made.ok && made.state.invites.map((i) => i.id)).toEqual(['i99']);
	});
});
