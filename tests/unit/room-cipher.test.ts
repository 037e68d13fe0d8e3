import { describe, expect, it } from 'vitest';
import { READABILITY, RoomCipher } from '../../src/lib/crypto/room-cipher.ts';
import { newGroupKey } from '../../src/lib/crypto/text-cipher.ts';
import { applyCommand } from '../../src/lib/room/room.ts';
import { COMMANDS, COMMAND_TYPES, type CommandInput, type RoomState } from '../../src/lib/protocol/protocol.ts';
import { SEALED_FIELDS } from '../../src/lib/protocol/sealed.ts';
import { NOW, cmd, freshRoom } from '../helpers/room-fixtures.ts';

// Texts the server shows facilitators and must read: device labels, and a pairing code it checks.
const PLAIN_TEXT_FIELDS = ['device.rename.label', 'device.pair.code', 'device.pair.label', 'invite.create.label', 'device.deliverKey.wrappedKey', 'pairing.deliverKey.code', 'pairing.deliverKey.wrappedKey'];

const canary = (field: string) => `CANARY-${field}`;
const everyText: CommandInput[] = [
	{ type: 'group.rename', name: canary('group') },
	{ type: 'group.setOpeningWords', text: canary('opening') },
	{ type: 'group.setAgreements', agreements: [canary('agreement-1'), canary('agreement-2')] },
	{ type: 'topics.add', text: canary('topic') },
	{ type: 'session.start' },
	{ type: 'speaker.set', name: canary('speaker') },
	{ type: 'queue.add', name: canary('queue') },
	{ type: 'queue.add', name: canary('removed') },
	{ type: 'board.setTitle', title: canary('title') },
	{ type: 'board.setHeading', column: 'right', text: canary('heading') },
	{ type: 'board.addItem', column: 'left', text: canary('item') },
	{ type: 'board.addDraft', column: 'right', text: canary('draft') },
	{ type: 'parkingLot.add', text: canary('parking') }
];

function sealedRoom(cipher: RoomCipher): RoomState {
	let room = freshRoom();
	for (const input of everyText) {
		const result = applyCommand(room, cipher.seal(cmd(input)), { now: NOW });
		if (!result.ok) throw new Error(result.error.code);
		room = result.state;
	}
	const removed = room.session!.queue[1].id;
	const result = applyCommand(room, cipher.seal(cmd({ type: 'queue.remove', entryId: removed })), { now: NOW });
	if (!result.ok) throw new Error('refused');
	return result.state;
}

describe('end-to-end encryption at the page boundary', () => {
	it('seals every text a person types; the room (so the server) holds none of it in the clear', () => {
		const cipher = new RoomCipher('group-test', newGroupKey());
		const room = sealedRoom(cipher);
		expect(JSON.stringify(room)).not.toContain('CANARY');
		const { state: opened, readability } = cipher.open(room);
		expect(readability).toBe(READABILITY.readable);
		const text = JSON.stringify(opened);
		for (const input of everyText) for (const v of Object.values(input)) if (typeof v === 'string' && v.startsWith('CANARY')) expect(text).toContain(v);
		expect(text).toContain(canary('agreement-2'));
		expect(text).toContain(canary('removed')); // in the trash, for undo
	});

	it('without the key, or with a wrong one, shows no ciphertext and says so', () => {
		const room = sealedRoom(new RoomCipher('group-test', newGroupKey()));
		for (const [cipher, expected] of [
			[new RoomCipher('group-test', null), READABILITY.noKey],
			[new RoomCipher('group-test', newGroupKey()), READABILITY.wrongKey]
		] as const) {
			const { state, readability } = cipher.open(room);
			expect(readability).toBe(expected);
			expect(JSON.stringify(state)).not.toMatch(/e1\.|CANARY/);
		}
	});

	it('a display paired to group A cannot read group B, even with the same key', () => {
		const key = newGroupKey();
		const roomB = sealedRoom(new RoomCipher('group-test', key));
		expect(new RoomCipher('group-a', key).open(roomB).readability).toBe(READABILITY.wrongKey);
	});

	it('rejects a tampered value and shows the rest', () => {
		const cipher = new RoomCipher('group-test', newGroupKey());
		const room = sealedRoom(cipher);
		const speaker = room.session!.speaker!;
		const tampered = { ...room, session: { ...room.session!, speaker: { ...speaker, name: speaker.name.slice(0, -2) + (speaker.name.endsWith('A') ? 'BA' : 'AA') } } };
		const { state, readability } = cipher.open(tampered);
		expect(readability).toBe(READABILITY.partly);
		expect(state.session!.speaker!.name).toBe('');
		expect(state.session!.queue[0].name).toBe(canary('queue'));
	});

	it('every text field of every command is either sealed or deliberately plain', () => {
		for (const type of COMMAND_TYPES) {
			for (const [field, spec] of Object.entries(COMMANDS[type].fields as Record<string, { doc: string }>)) {
				if (!/string, 1-|array of .*string, 1-/.test(spec.doc)) continue;
				const sealed = ((SEALED_FIELDS as Record<string, readonly string[]>)[type] ?? []).includes(field);
				expect(sealed || PLAIN_TEXT_FIELDS.includes(`${type}.${field}`), `${type}.${field}`).toBe(true);
			}
		}
	});
});
