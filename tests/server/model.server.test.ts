/**
 * Model-based property test [R1][R18][R22][R50]: random interleavings of commands from two
 * controllers whose links drop and come back (so commands are retried with their ids) end in the
 * state that applying the accepted commands one by one, in version order, gives; accepted versions
 * are exactly the versions in between; every display ends equal to what Redis holds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../server/store/room-store.redis.ts';
import type { RoomStore } from '../../server/store/room-store.ts';
import { RoomConnection } from '../../src/lib/client/room-connection.svelte.ts';
import type { Command, CommandAck, CommandInput, RoomState } from '../../src/lib/protocol/protocol.ts';
import { applyCommand } from '../../src/lib/room/room.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { startTcpProxy, until, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { connectClient, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let t: TestRedis;
let server: TestServer;
let store: RoomStore;
beforeAll(async () => {
	t = await openTestRedis();
	store = createRedisStore(t.redis, { prefix: t.prefix });
	server = await startServer({
		store,
		limits: { commandsPer10sPerDevice: 1e9, commandsInFlightPerSocket: 1e9, connectionsPerMinutePerAddress: 1e9, floodRefusalsPer10s: 1e9 }
	});
});
afterAll(async () => {
	await server.close();
	await t.cleanup();
});

const NAMES = ['Casey', 'Kurt', 'Tasha', 'Franco', 'Kyle', 'DJ', 'Kellie', 'Vaughn'];
const ref = (prefix: string) => fc.integer({ min: 2, max: 40 }).map((n) => `${prefix}${n}`);
const command: fc.Arbitrary<CommandInput> = fc.oneof(
	fc.constantFrom(...NAMES).map((name) => ({ type: 'queue.add', name }) as const),
	fc.constantFrom(...NAMES).map((name) => ({ type: 'speaker.set', name }) as const),
	fc.constantFrom('unasked', 'granted', 'declined').map((permission) => ({ type: 'feedback.set', permission }) as const),
	fc.constant({ type: 'queue.next' } as const),
	ref('q').map((entryId) => ({ type: 'queue.remove', entryId }) as const),
	fc.tuple(ref('q'), fc.nat(5)).map(([entryId, toIndex]) => ({ type: 'queue.move', entryId, toIndex }) as const),
	fc.tuple(fc.constantFrom('left', 'right'), fc.constantFrom(...NAMES)).map(([column, text]) => ({ type: 'board.addItem', column, text }) as const),
	fc.tuple(ref('b'), fc.constantFrom('left', 'right'), fc.nat(5)).map(([itemId, column, toIndex]) => ({ type: 'board.moveItem', itemId, column, toIndex }) as const),
	fc.constant({ type: 'headcount.arrive' } as const),
	fc.constant({ type: 'headcount.leave' } as const)
);
type Step = { who: 0 | 1; do: 'send'; command: CommandInput } | { who: 0 | 1; do: 'drop' | 'restore' };
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ who: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>, do: fc.constant('send' as const), command }) },
	{ weight: 1, arbitrary: fc.record({ who: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>, do: fc.constantFrom('drop' as const, 'restore' as const) }) }
);

/** Times come from the server's clock; the comparison is of everything else. */
const timeless = (s: unknown) =>
	JSON.parse(JSON.stringify(s), (key, value) => (key === 'since' || key === 'startedAt' || key === 'at' ? 0 : value));

describe('[R1][R18][R22][R50] model: two controllers, dropped links, retries', () => {
	it('ends in the serial order of the accepted commands, on every display and in Redis', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
				const keys = await createGroup(server.url);
				const proxies: TcpProxy[] = [await startTcpProxy(Number(new URL(server.url).port)), await startTcpProxy(Number(new URL(server.url).port))];
				const controllers = [keys.remote, keys.desk].map((key, i) => new RoomConnection(keys.groupId, key, { url: proxies[i].url, retryDelayMs: 50, storage: null }));
				const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
				try {
					const first = await controllers[0].send({ type: 'session.start' });
					const sent: Array<{ input: CommandInput; ack: Promise<CommandAck> }> = [];
					for (const s of steps) {
						if (s.do === 'send') sent.push({ input: s.command, ack: controllers[s.who].send(s.command) });
						else if (s.do === 'drop') proxies[s.who].cut();
						else proxies[s.who].restore();
					}
					for (const p of proxies) p.restore();
					const acks = await Promise.all(sent.map((s) => s.ack));

					// replay what was accepted, in version order, through the pure rules
					const accepted = sent.map((s, i) => ({ input: s.input, ack: acks[i] })).filter((x) => x.ack.ok) as Array<{ input: CommandInput; ack: { ok: true; version: number } }>;
					accepted.sort((a, b) => a.ack.version - b.ack.version);
					const stored = (await store.load(keys.groupId))!;
					const started = applyCommand({ ...stored.state, version: 1, session: null }, { id: 'start', type: 'session.start' } as Command, { now: 0 });
					if (!started.ok) throw new Error('session.start refused');
					let model = started.state;
					expect(first.ok && first.version).toBe(2);
					for (const { input, ack } of accepted) {
						const result = applyCommand(model, { ...input, id: 'x' } as Command, { now: 0 });
						expect(result.ok, `${input.type} was accepted by the server`).toBe(true);
						if (result.ok) model = result.state;
						expect(model.version).toBe(ack.version);
					}
					expect(timeless(model.session!)).toEqual(timeless(stored.state.session!));
					expect(stored.state.version).toBe(2 + accepted.length);

					await until(() => display.latest().version === stored.state.version, 'the display to catch up');
					expect(display.latest()).toEqual(viewFor('display', stored.state));
					const versions = display.snapshots.map((s) => s.version);
					expect(new Set(versions).size).toBe(versions.length);
					expect(versions).toEqual([...versions].sort((a, b) => a - b));
				} finally {
					for (const c of controllers) c.close();
					display.close();
					for (const p of proxies) await p.close();
				}
			}),
			{ numRuns: 12, seed: 4242 }
		);
	});
});
