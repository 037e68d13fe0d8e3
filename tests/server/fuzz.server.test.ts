/**
 * Property-based: whatever malformed payload arrives for whatever command, the server answers with an
 * error ack (a code and a sentence), the state is unchanged and the server keeps serving. [R20] The
 * same for the other things a client sends: HTTP bodies, the handshake's `auth`, the `records` query.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { COMMANDS, COMMAND_TYPES, LIMITS, sealedLength, type CommandAck, type RecordsReply } from '../../src/lib/protocol/protocol.ts';
import { CREATE_GROUP_BODY, PAIRING_BODY, POLL_BODY, REDEEM_BODY } from '../../src/lib/protocol/requests.ts';
import { connectClient, connectRefused, createGroup, startServer, type Client, type TestServer } from '../helpers/test-server.ts';

const UNLIMITED = {
	commandsPer10sPerDevice: 100_000,
	commandsInFlightPerSocket: 100_000,
	floodRefusalsPer10s: 100_000,
	connectionsPerMinutePerAddress: 100_000,
	groupsPerHourPerAddress: 100_000,
	codesPer10MinPerAddress: 100_000,
	pollsPerMinutePerAddress: 100_000
};

let server: TestServer;
let remote: Client;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore(), limits: UNLIMITED });
	const keys = await createGroup(server.url);
	remote = await connectClient(server.url, { groupId: keys.groupId, key: keys.remote });
	await remote.send({ id: 'start', type: 'session.start' });
});
afterAll(async () => {
	remote.close();
	await server.close();
});

const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
const fieldNames = (type: string) => Object.keys(COMMANDS[type as keyof typeof COMMANDS].fields);
const typesWithFields = COMMAND_TYPES.filter((t) => fieldNames(t).length > 0);
const requiredNames = (type: string) =>
	Object.entries(COMMANDS[type as keyof typeof COMMANDS].fields)
		.filter(([, field]) => field.type !== 'optional')
		.map(([name]) => name);
const typesWithRequired = COMMAND_TYPES.filter((t) => requiredNames(t).length > 0);

/** A payload that is wrong for its command in exactly one way. */
const malformed = fc.oneof(
	// a field of a type it does not take
	fc.record({ type: fc.constantFrom(...typesWithFields), seed: fc.nat(), value: notAString }).map(({ type, seed, value }) => {
		const fields = fieldNames(type);
		const field = fields[seed % fields.length];
		const example = COMMANDS[type].example as Record<string, unknown>;
		const spec = COMMANDS[type].fields as Record<string, v.GenericSchema>;
		// no field accepts an object, so a value this field would take is wrapped in one
		const wrong = v.is(spec[field], value) ? { nested: value } : value;
		return { id: `m${seed}`, type, ...example, [field]: wrong };
	}),
	// a required field missing
	fc.record({ type: fc.constantFrom(...typesWithRequired), seed: fc.nat() }).map(({ type, seed }) => {
		const example = { ...(COMMANDS[type].example as Record<string, unknown>) };
		delete example[requiredNames(type)[seed % requiredNames(type).length]];
		return { id: `m${seed}`, type, ...example };
	}),
	// a field that is not the command's
	fc.record({ type: fc.constantFrom(...COMMAND_TYPES), key: fc.string({ minLength: 1, maxLength: 12 }), seed: fc.nat() })
		.filter(({ type, key }) => !['id', 'type', ...fieldNames(type)].includes(key))
		.map(({ type, key, seed }) => ({ id: `m${seed}`, type, ...COMMANDS[type].example, [key]: 1 })),
	// text one past its limit
	fc.constantFrom(
		{ id: 'long1', type: 'speaker.set', name: 'x'.repeat(sealedLength(LIMITS.NAME_MAX_CHARS) + 1) },
		{ id: 'long2', type: 'board.addItem', column: 'left', text: 'x'.repeat(sealedLength(LIMITS.ITEM_MAX_CHARS) + 1) },
		{ id: 'long3', type: 'parkingLot.add', text: 'x'.repeat(sealedLength(LIMITS.TOPIC_MAX_CHARS) + 1) },
		{ id: 'long4', type: 'device.rename', deviceId: 'd1', label: 'x'.repeat(LIMITS.DEVICE_LABEL_MAX_CHARS + 1) }
	),
	// not a command at all
	fc.oneof(fc.anything(), fc.record({ id: fc.anything(), type: fc.anything() }))
);

describe('[R20] malformed payloads, property-based over every command', () => {
	it('are refused with a code and a sentence, and change nothing', async () => {
		await fc.assert(
			fc.asyncProperty(malformed, async (payload) => {
				const before = remote.latest().version;
				const ack: CommandAck = await remote.send(payload as Record<string, unknown>);
				expect(ack.ok).toBe(false);
				if (ack.ok) return;
				expect(ack.error.code).toMatch(/^(invalid_payload|unknown_command|invalid_field|too_long)$/);
				expect(ack.error.message.length).toBeGreaterThan(10);
				expect(remote.latest().version).toBe(before);
			}),
			{ numRuns: 300, seed: 20261126 }
		);
		expect(remote.socket.connected).toBe(true);
		expect(await remote.send({ id: 'still-up', type: 'headcount.arrive' })).toMatchObject({ ok: true });
	});
});

/** A request body route, its schema's fields and a body it takes. */
const ROUTES = [
	{ path: '/api/groups', schema: CREATE_GROUP_BODY, example: { name: 'Monday group' } },
	{ path: '/api/pairings', schema: PAIRING_BODY, example: {} },
	{ path: '/api/pairings/poll', schema: POLL_BODY, example: { code: 'K7PD-3MXA', token: 'x'.repeat(43) } },
	{ path: '/api/invites/redeem', schema: REDEEM_BODY, example: { code: 'K7PD-3MXA' } }
].map((route) => ({ ...route, fields: (route.schema.pipe[1] as { entries: Record<string, v.GenericSchema> }).entries }));

const notAnObject = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
const malformedBody = fc.constantFrom(...ROUTES).chain((route) =>
	fc.oneof(
		notAnObject,
		fc
			.string({ minLength: 1, maxLength: 12 })
			.filter((key) => !Object.hasOwn(route.fields, key))
			.map((key) => ({ ...route.example, [key]: 1 })),
		fc.record({ field: fc.constantFrom(...Object.keys(route.fields)), value: notAString }).map(({ field, value }) => {
			return { ...route.example, [field]: v.is(route.fields[field], value) ? { nested: value } : value };
		})
	).map((body) => ({ path: route.path, body }))
);

describe('[R20] malformed requests, property-based', () => {
	it('every HTTP body that does not fit its schema gets 400 with a code and a sentence', async () => {
		await fc.assert(
			fc.asyncProperty(malformedBody, async ({ path, body }) => {
				const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
				expect(res.status).toBe(400);
				const { error } = await res.json();
				expect(error.code).toMatch(/^(invalid_payload|invalid_field|too_long)$/);
				expect(error.message.length).toBeGreaterThan(10);
			}),
			{ numRuns: 200, seed: 20261127 }
		);
		expect((await fetch(`${server.url}/api/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(201);
	});

	it('a handshake whose auth does not fit is refused forbidden or outdated, whatever else it carries', async () => {
		const auth = fc.record({ groupId: fc.anything(), key: fc.anything(), protocol: fc.anything(), pid: fc.string() }, { requiredKeys: [] });
		await fc.assert(
			fc.asyncProperty(auth, async (sent) => {
				const refused = await connectRefused(server.url, sent);
				expect(refused.data).toMatchObject({ code: expect.stringMatching(/^(forbidden|outdated)$/), message: expect.any(String) });
			}),
			{ numRuns: 40, seed: 20261128 }
		);
	});

	it('a records query other than {} is refused invalid_payload', async () => {
		const notEmpty = fc.anything().filter((q) => JSON.stringify(q) !== '{}');
		await fc.assert(
			fc.asyncProperty(notEmpty, async (query) => {
				const reply = (await remote.socket.timeout(5000).emitWithAck('records', query as Record<string, never>)) as RecordsReply;
				expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
			}),
			{ numRuns: 100, seed: 20261129 }
		);
		expect(remote.socket.connected).toBe(true);
	});
});
