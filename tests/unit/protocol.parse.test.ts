import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_TYPES, LIMITS, parseCommand, sealedLength } from '../../src/lib/protocol/protocol.ts';

const codeOf = (payload: unknown) => {
	const parsed = parseCommand(payload);
	return parsed.ok ? 'ok' : parsed.error.code;
};

describe('parseCommand', () => {
	it('accepts the documented example of every command', () => {
		for (const type of COMMAND_TYPES) {
			const payload = { id: 'abc_123', type, ...COMMANDS[type].example };
			expect(parseCommand(payload), type).toEqual({ ok: true, command: payload });
		}
	});

	it('[R20] refuses what is not a command object', () => {
		for (const payload of [null, undefined, 42, 'speaker.set', [], [{ id: 'a', type: 'queue.next' }], new Date()])
			expect(codeOf(payload)).toBe('invalid_payload');
	});

	it('[R20] refuses a missing, empty, oversized or odd id', () => {
		for (const id of [undefined, '', 7, 'a'.repeat(LIMITS.COMMAND_ID_MAX_CHARS + 1), 'has space', '<script>'])
			expect(codeOf({ id, type: 'queue.next' }), String(id)).toBe('invalid_payload');
	});

	it('[R20] refuses an unknown type, including inherited property names', () => {
		for (const type of ['speaker.shout', 'toString', '__proto__', 'constructor', 3, undefined])
			expect(codeOf({ id: 'a', type }), String(type)).toBe('unknown_command');
	});

	it('[R20] refuses missing, extra and wrong-typed fields with a sentence naming the field', () => {
		const missing = parseCommand({ id: 'a', type: 'speaker.set' });
		expect(missing).toEqual({ ok: false, error: { code: 'invalid_field', message: 'The name is missing (speaker.set needs it).' } });
		expect(codeOf({ id: 'a', type: 'speaker.set', name: 'Casey', role: 'admin' })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'speaker.set', name: 42 })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'speaker.set', name: '' })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'feedback.set', permission: 'yes' })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'board.addItem', column: 'middle', text: 'x' })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'queue.move', entryId: 'q1', toIndex: -1 })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'queue.move', entryId: 'q1', toIndex: 1.5 })).toBe('invalid_field');
		expect(codeOf({ id: 'a', type: 'queue.remove', entryId: { $gt: '' } })).toBe('invalid_field');
	});

	it('[R20] refuses text over its documented limit', () => {
		// the server sees sealed text: it takes up to the length of the e1 form of the longest text
		const name = sealedLength(LIMITS.NAME_MAX_CHARS);
		expect(codeOf({ id: 'a', type: 'speaker.set', name: 'K'.repeat(name) })).toBe('ok');
		expect(codeOf({ id: 'a', type: 'speaker.set', name: 'K'.repeat(name + 1) })).toBe('too_long');
		expect(codeOf({ id: 'a', type: 'board.addItem', column: 'left', text: 'x'.repeat(sealedLength(LIMITS.ITEM_MAX_CHARS) + 1) })).toBe('too_long');
		expect(codeOf({ id: 'a', type: 'board.setTitle', title: 'x'.repeat(sealedLength(LIMITS.TITLE_MAX_CHARS) + 1) })).toBe('too_long');
	});

	it('never throws, whatever arrives', () => {
		const hostile = Object.create({ type: 'queue.next', id: 'a' });
		const throwing = { id: 'a', type: 'speaker.set', get name() { throw new Error('boom'); } };
		expect(codeOf(hostile)).toBe('invalid_payload');
		expect(() => parseCommand(throwing)).not.toThrow();
	});
});

describe('parseCommand: group settings', () => {
	const schedule = { id: 'g1', type: 'group.setSchedule', days: ['mon', 'wed', 'fri'], start: '13:30', end: '14:30', timeZone: 'America/Los_Angeles' };

	it('[R20] checks schedule days, times and time zone', () => {
		expect(codeOf(schedule)).toBe('ok');
		expect(codeOf({ ...schedule, days: [] })).toBe('invalid_field');
		expect(codeOf({ ...schedule, days: ['mon', 'mon'] })).toBe('invalid_field');
		expect(codeOf({ ...schedule, days: ['monday'] })).toBe('invalid_field');
		expect(codeOf({ ...schedule, start: '1:30pm' })).toBe('invalid_field');
		expect(codeOf({ ...schedule, end: '24:00' })).toBe('invalid_field');
		expect(codeOf({ ...schedule, timeZone: 'Mars/Olympus_Mons' })).toBe('invalid_field');
	});

	it('[R20] takes null or bounded text for opening words and agreements', () => {
		expect(codeOf({ id: 'g2', type: 'group.setOpeningWords', text: null })).toBe('ok');
		expect(codeOf({ id: 'g2', type: 'group.setOpeningWords', text: 'x'.repeat(sealedLength(LIMITS.OPENING_MAX_CHARS) + 1) })).toBe('too_long');
		expect(codeOf({ id: 'g3', type: 'group.setAgreements', agreements: null })).toBe('ok');
		expect(codeOf({ id: 'g3', type: 'group.setAgreements', agreements: [] })).toBe('invalid_field');
		expect(codeOf({ id: 'g3', type: 'group.setAgreements', agreements: Array(LIMITS.AGREEMENTS_MAX + 1).fill('Be kind') })).toBe('invalid_field');
		expect(codeOf({ id: 'g3', type: 'group.setAgreements', agreements: ['ok', 3] })).toBe('invalid_field');
	});

	it('[R20] refuses extra fields named like Object.prototype members (own properties only)', () => {
		for (const extra of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
			const payload = JSON.parse(`{"id":"p1","type":"queue.add","name":"Casey","${extra}":1}`);
			expect(codeOf(payload), extra).toBe('invalid_field');
		}
	});
});

describe('parseCommand: what the schema library changed', () => {
	it('[R20] judges the type before the id (one schema per command, picked by `type`)', () => {
		expect(codeOf({ id: 'has space', type: 'speaker.shout' })).toBe('unknown_command');
		expect(codeOf({ type: 'queue.next' })).toBe('invalid_payload');
		expect(parseCommand({ id: 'has space', type: 'queue.next' })).toEqual({
			ok: false,
			error: { code: 'invalid_payload', message: `A command needs an \`id\` of 1-${LIMITS.COMMAND_ID_MAX_CHARS} letters, digits, _ or -.` }
		});
	});

	it('takes plain data only: a null-prototype object yes, inherited fields no', () => {
		const bare = Object.assign(Object.create(null), { id: 'n1', type: 'queue.add', name: 'Kurt' });
		expect(codeOf(bare)).toBe('ok');
		// valibot looks fields up with `in`, which sees a prototype's: such an object is not plain data
		const inherited = Object.assign(Object.create({ name: 'Kurt' }), { id: 'n2', type: 'queue.add' });
		expect(codeOf(inherited)).toBe('invalid_payload');
		expect(codeOf(new (class { id = 'n3'; type = 'queue.next'; })())).toBe('invalid_payload');
	});

	it('[R20] answers in its own sentences, naming the field in words, never the library\'s', () => {
		const sentences = new Set<string>();
		for (const type of COMMAND_TYPES) {
			const example = COMMANDS[type].example as Record<string, unknown>;
			for (const field of Object.keys(COMMANDS[type].fields)) {
				for (const wrong of [7, { $gt: '' }, '', 'x'.repeat(5000), [3]]) {
					const parsed = parseCommand({ id: 'w1', type, ...example, [field]: wrong });
					if (!parsed.ok) sentences.add(parsed.error.message);
				}
			}
		}
		expect(sentences.size).toBeGreaterThan(20);
		for (const sentence of sentences) {
			expect(sentence).toMatch(/^(The [a-z0-9 ]+ (must|is|has) |[a-z.A-Z]+ has no field)/);
			expect(sentence).not.toMatch(/Invalid|Expected|Received|\{field\}/);
		}
		expect(parseCommand({ id: 'w2', type: 'group.setAgreements', agreements: ['Be kind', 3] })).toMatchObject({
			error: { code: 'invalid_field', message: 'The agreement 2 must be a string.' }
		});
		expect(parseCommand({ id: 'w3', type: 'queue.move', entryId: 'q1', toIndex: 1001 })).toMatchObject({
			error: { message: 'The to index must be a whole number from 0 to 1000.' }
		});
	});

	it('[R20] too_long is for text only: a list or a time zone name past its bound is invalid_field', () => {
		const carry = Array.from({ length: LIMITS.PARKING_LOT_MAX + 1 }, (_, i) => `p${i}`);
		expect(codeOf({ id: 'l1', type: 'session.end', carry })).toBe('invalid_field');
		expect(codeOf({ id: 'l2', type: 'group.setSchedule', days: ['mon'], start: '13:30', end: '14:30', timeZone: 'A'.repeat(65) })).toBe('invalid_field');
		expect(codeOf({ id: 'l3', type: 'group.setAgreements', agreements: ['x'.repeat(sealedLength(LIMITS.AGREEMENT_MAX_CHARS) + 1)] })).toBe('too_long');
	});

	it('`carry` on session.end stays optional: left out is fine, null or a repeat is not', () => {
		expect(parseCommand({ id: 'e1', type: 'session.end' })).toEqual({ ok: true, command: { id: 'e1', type: 'session.end' } });
		expect(codeOf({ id: 'e2', type: 'session.end', carry: [] })).toBe('ok');
		expect(codeOf({ id: 'e3', type: 'session.end', carry: null })).toBe('invalid_field');
		expect(codeOf({ id: 'e4', type: 'session.end', carry: ['p1', 'p1'] })).toBe('invalid_field');
	});

	it('answers a payload whose getters throw, and one that is a proxy', () => {
		const throwing = { id: 'a', type: 'queue.add', get name(): string { throw new Error('boom'); } };
		expect(parseCommand(throwing)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		const trap = new Proxy({ id: 'a', type: 'queue.add', name: 'Kyle' }, { has() { throw new Error('trap'); } });
		expect(codeOf(trap)).toBe('invalid_payload');
	});
});
