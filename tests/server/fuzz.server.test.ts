/**
 * Property-based: whatever malformed payload arrives for whatever command, the server answers with an
 * error ack (a code and a sentence), the state is unchanged and the server keeps serving. [R20]
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { COMMANDS, COMMAND_TYPES, LIMITS, sealedLength, type CommandAck } from '../../src/lib/protocol/protocol.ts';
import { connectClient, createGroup, startServer, type Client, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let remote: Client;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore(), limits: { commandsPer10sPerDevice: 100_000, commandsInFlightPerSocket: 100_000, floodRefusalsPer10s: 100_000 } });
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
		.filter(([, field]) => !(field as { optional?: boolean }).optional)
		.map(([name]) => name);
const typesWithRequired = COMMAND_TYPES.filter((t) => requiredNames(t).length > 0);

/** A payload that is wrong for its command in exactly one way. */
const malformed = fc.oneof(
	// a field of a type it does not take
	fc.record({ type: fc.constantFrom(...typesWithFields), seed: fc.nat(), value: notAString }).map(({ type, seed, value }) => {
		const fields = fieldNames(type);
		const field = fields[seed % fields.length];
		const example = COMMANDS[type].example as Record<string, unknown>;
		const spec = COMMANDS[type].fields as Record<string, { parse(v: unknown, n: string): { ok: boolean } }>;
		// no field accepts an object, so a value this field would take is wrapped in one
		const wrong = spec[field].parse(value, field).ok ? { nested: value } : value;
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
