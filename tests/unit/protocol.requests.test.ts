import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LIMITS, PROTOCOL_VERSION } from '../../src/lib/protocol/protocol.ts';
import { CREATE_GROUP_BODY, HANDSHAKE_AUTH, PAIRING_BODY, POLL_BODY, RECORDS_QUERY, REDEEM_BODY } from '../../src/lib/protocol/requests.ts';
import { check } from '../../src/lib/protocol/schema.ts';

const UNREADABLE = { code: 'invalid_payload', message: 'unreadable' } as const;
const answer = (schema: v.GenericSchema, input: unknown) => {
	const checked = check(schema, input, UNREADABLE);
	return checked.ok ? 'ok' : checked.error;
};
const KEY = 'A'.repeat(LIMITS.PUBLIC_KEY_CHARS);

describe('request bodies', () => {
	it('POST /api/groups: a name, in sentences the home page shows as they are', () => {
		expect(answer(CREATE_GROUP_BODY, { name: 'Monday group' })).toBe('ok');
		expect(answer(CREATE_GROUP_BODY, { name: '' })).toEqual({ code: 'invalid_field', message: 'Give the group a name.' });
		expect(answer(CREATE_GROUP_BODY, { name: 42 })).toEqual({ code: 'invalid_field', message: 'Give the group a name.' });
		expect(answer(CREATE_GROUP_BODY, { name: 'x'.repeat(LIMITS.GROUP_NAME_MAX_CHARS + 1) })).toEqual({
			code: 'too_long',
			message: `The group name is longer than ${LIMITS.GROUP_NAME_MAX_CHARS} characters.`
		});
		expect(answer(CREATE_GROUP_BODY, {})).toEqual({ code: 'invalid_field', message: 'The name is missing (POST /api/groups needs it).' });
		expect(answer(CREATE_GROUP_BODY, [])).toMatchObject({ code: 'invalid_payload' });
		expect(answer(CREATE_GROUP_BODY, { name: 'Monday', admin: true })).toEqual({
			code: 'invalid_field',
			message: 'POST /api/groups has no field called "admin".'
		});
	});

	it('refuses fields named like Object.prototype members in every body', () => {
		const bodies: Array<[v.GenericSchema, string]> = [
			[CREATE_GROUP_BODY, '"name":"Monday group"'],
			[PAIRING_BODY, '"publicKey":null'],
			[POLL_BODY, '"code":"K7PD-3MXA","token":"t"'],
			[REDEEM_BODY, '"code":"K7PD-3MXA"'],
			[RECORDS_QUERY, '']
		];
		for (const [schema, fields] of bodies) {
			expect(answer(schema, JSON.parse(`{${fields}}`))).toBe('ok');
			for (const extra of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
				expect(answer(schema, JSON.parse(`{${fields ? `${fields},` : ''}"${extra}":1}`)), extra).toEqual({
					code: 'invalid_field',
					message: expect.stringContaining(`has no field called "${extra}"`)
				});
		}
	});

	it('POST /api/pairings: {} or a public key (null: none)', () => {
		for (const body of [{}, { publicKey: null }, { publicKey: KEY }]) expect(answer(PAIRING_BODY, body)).toBe('ok');
		expect(answer(PAIRING_BODY, { publicKey: 'not-a-key' })).toEqual({ code: 'invalid_field', message: 'The public key must be 32 bytes in base64url.' });
		expect(answer(PAIRING_BODY, { publicKey: KEY, label: 'Room 3' })).toMatchObject({ code: 'invalid_field' });
		expect(answer(PAIRING_BODY, 'hello')).toMatchObject({ code: 'invalid_payload' });
	});

	it('POST /api/pairings/poll and /api/invites/redeem: a code as typed, bounded', () => {
		expect(answer(POLL_BODY, { code: 'K7PD-3MXA', token: 'x'.repeat(43) })).toBe('ok');
		expect(answer(POLL_BODY, { code: 'K7PD-3MXA' })).toMatchObject({ code: 'invalid_field', message: 'The token is missing (POST /api/pairings/poll needs it).' });
		expect(answer(REDEEM_BODY, { code: ' k7pd 3mxa ' })).toBe('ok');
		expect(answer(REDEEM_BODY, { code: 'K'.repeat(LIMITS.CODE_MAX_CHARS + 1) })).toMatchObject({ code: 'too_long' });
		expect(answer(REDEEM_BODY, { code: 'K7PD-3MXA', publicKey: 7 })).toMatchObject({ code: 'invalid_field' });
	});
});

describe('the handshake auth and the records query', () => {
	const firstKey = (auth: unknown) => {
		const result = v.safeParse(HANDSHAKE_AUTH, auth, { abortEarly: true });
		return result.success ? 'ok' : String(result.issues[0].path?.[0]?.key ?? '(whole)');
	};

	it('[R66] takes auth with or without a protocol, and keys Socket.IO itself adds', () => {
		expect(firstKey({ groupId: 'g1', key: 'k1' })).toBe('ok');
		expect(firstKey({ groupId: 'g1', key: 'k1', protocol: PROTOCOL_VERSION, pid: 'p', offset: 'o' })).toBe('ok');
		expect(firstKey({ groupId: 'g1', key: 'k1', protocol: PROTOCOL_VERSION - 1 }), 'a page of the version before').toBe('protocol');
	});

	it('[R66] judges the protocol first, so a page of another version hears "reload" whatever its auth', () => {
		expect(firstKey({ groupId: 7, key: 'k1', protocol: PROTOCOL_VERSION + 1 })).toBe('protocol');
		expect(firstKey({ groupId: 'g1', key: 'k1', protocol: 'one' })).toBe('protocol');
		expect(firstKey({ groupId: 'g'.repeat(65), key: 'k1' })).toBe('groupId');
		expect(firstKey({ groupId: 'g1', key: '' })).toBe('key');
		expect(firstKey([])).toBe('(whole)');
	});

	it('[R53] the records query is {} and nothing else', () => {
		expect(answer(RECORDS_QUERY, {})).toBe('ok');
		for (const query of [null, [], { all: true }, 'all']) expect(answer(RECORDS_QUERY, query)).not.toBe('ok');
	});
});
