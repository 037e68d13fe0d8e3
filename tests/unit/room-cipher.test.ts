import { afterEach, describe, expect, it, vi } from 'vitest';
import { READABILITY, RoomCipher } from '../../src/lib/crypto/room-cipher.ts';
import { nobleEngine, webCryptoEngine, type TextEngine } from '../../src/lib/crypto/text-engines.ts';
import { newGroupKey } from '../../src/lib/crypto/text-format.ts';
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

async function sealedRoom(cipher: RoomCipher): Promise<RoomState> {
	let room = freshRoom();
	for (const input of everyText) {
		const result = applyCommand(room, await cipher.seal(cmd(input)), { now: NOW });
		if (!result.ok) throw new Error(result.error.code);
		room = result.state;
	}
	const removed = room.session!.queue[1].id;
	const result = applyCommand(room, await cipher.seal(cmd({ type: 'queue.remove', entryId: removed })), { now: NOW });
	if (!result.ok) throw new Error('refused');
	return result.state;
}

/** WebCrypto (the pages in a secure context) and the library the pages load without it. */
const ENGINES: Array<[string, () => Promise<TextEngine>]> = [
	['webcrypto', async () => webCryptoEngine(globalThis.crypto.subtle)],
	['noble', nobleEngine]
];

describe.each(ENGINES)('end-to-end encryption at the page boundary (%s)', (_name, engine) => {
	const cipherFor = (groupId: string, key: Uint8Array | null) => new RoomCipher(groupId, key, engine());

	it('seals every text a person types; the room (so the server) holds none of it in the clear', async () => {
		const cipher = cipherFor('group-test', newGroupKey());
		const room = await sealedRoom(cipher);
		expect(JSON.stringify(room)).not.toContain('CANARY');
		const { state: opened, readability } = await cipher.open(room);
		expect(readability).toBe(READABILITY.readable);
		const text = JSON.stringify(opened);
		for (const input of everyText) for (const v of Object.values(input)) if (typeof v === 'string' && v.startsWith('CANARY')) expect(text).toContain(v);
		expect(text).toContain(canary('agreement-2'));
		expect(text).toContain(canary('removed')); // in the trash, for undo
	});

	it('without the key, or with a wrong one, shows no ciphertext and says so', async () => {
		const room = await sealedRoom(cipherFor('group-test', newGroupKey()));
		for (const [cipher, expected] of [
			[cipherFor('group-test', null), READABILITY.noKey],
			[cipherFor('group-test', newGroupKey()), READABILITY.wrongKey]
		] as const) {
			const { state, readability } = await cipher.open(room);
			expect(readability).toBe(expected);
			expect(JSON.stringify(state)).not.toMatch(/e1\.|CANARY/);
		}
	});

	it('a display paired to group A cannot read group B, even with the same key', async () => {
		const key = newGroupKey();
		const roomB = await sealedRoom(cipherFor('group-test', key));
		expect((await cipherFor('group-a', key).open(roomB)).readability).toBe(READABILITY.wrongKey);
	});

	it('[R49] leaves out what a tampered value named (no nameless speaker, no empty row) and shows the rest', async () => {
		const cipher = cipherFor('group-test', newGroupKey());
		const room = await sealedRoom(cipher);
		const tamper = (value: string) => value.slice(0, -2) + (value.endsWith('A') ? 'BA' : 'AA');
		const session = room.session!;
		const queue = [{ ...session.queue[0], name: tamper(session.queue[0].name) }, ...session.queue];
		const tampered = { ...room, session: { ...session, queue, speaker: { ...session.speaker!, name: tamper(session.speaker!.name) } } };
		const { state, readability } = await cipher.open(tampered);
		expect(readability).toBe(READABILITY.partly);
		expect(state.session!.speaker).toBeNull();
		expect(state.session!.queue.map((e) => e.name)).toEqual(session.queue.map(() => canary('queue')));
		expect(JSON.stringify(state)).not.toContain('unreadable');
	});

	it('opens a repeated value once, and a rejected one stays rejected', async () => {
		const key = newGroupKey();
		const loaded = await engine();
		const opens = vi.fn(loaded.open);
		const cipher = new RoomCipher('group-test', key, Promise.resolve({ ...loaded, open: opens }));
		const room = await sealedRoom(cipherFor('group-test', key));
		const first = await cipher.open(room);
		const calls = opens.mock.calls.length;
		expect(calls).toBeGreaterThan(5);
		const again = await cipher.open({ ...room, version: room.version + 1 });
		expect(opens.mock.calls.length).toBe(calls);
		expect(again.state.session).toEqual(first.state.session);
	});
});

describe('a page without WebCrypto (plain http on a LAN address)', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	it('seals and opens with the library, loaded on first use', async () => {
		const key = newGroupKey();
		const sealedHere = await sealedRoom(new RoomCipher('group-test', key, Promise.resolve(webCryptoEngine(globalThis.crypto.subtle))));
		const getRandomValues = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
		vi.stubGlobal('crypto', { getRandomValues });
		vi.resetModules();
		const insecure = await import('../../src/lib/crypto/room-cipher.ts');
		const cipher = new insecure.RoomCipher('group-test', key);
		const { state, readability } = await cipher.open(sealedHere);
		expect(readability).toBe(READABILITY.readable);
		expect(state.session!.speaker!.name).toBe(canary('speaker'));
		const sealed = await cipher.seal(cmd({ type: 'speaker.set', name: 'Casey' }));
		expect(sealed).toMatchObject({ name: expect.stringMatching(/^e1\./) });
		vi.unstubAllGlobals();
		const back = await new RoomCipher('group-test', key).open({ ...sealedHere, session: { ...sealedHere.session!, speaker: { ...sealedHere.session!.speaker!, name: (sealed as { name: string }).name } } });
		expect(back.state.session!.speaker!.name).toBe('Casey');
	});
});

describe('the sealed fields', () => {
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
