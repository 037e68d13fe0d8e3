/**
 * The rules never change the room they are given: the Redis store relies on it twice (a change may
 * run again after a conflict with another node, and a write sends only the parts that are new
 * objects). Every command type, with ids taken from the room so that most are accepted, runs on a
 * deep-frozen room: a write into it would throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newGroup, runCommand } from '../../server/rooms.ts';
import type { StoredRoom } from '../../server/store/room-store.ts';
import { COMMANDS, COMMAND_TYPES, type Command } from '../../src/lib/protocol/protocol.ts';
import { NOW } from '../helpers/room-fixtures.ts';
import { facilitatorOf } from '../store/room-store.contract.ts';

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/** Every `id` in the room: what `entryId`, `itemId`, `topicId`, `undoId`… fields may point at. */
function idsIn(value: unknown, into: string[] = []): string[] {
	if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
	else if (value && typeof value === 'object')
		for (const [key, inner] of Object.entries(value)) {
			if (key === 'id' && typeof inner === 'string') into.push(inner);
			else idsIn(inner, into);
		}
	return into;
}

const step = fc.record({ type: fc.constantFrom(...COMMAND_TYPES), pick: fc.nat() });

describe('the rules are pure', () => {
	it('[R18][R22] no command changes the room it is applied to', () => {
		let accepted = 0;
		fc.assert(
			// most commands need a running session: every program opens with one
			fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (rest) => {
				const steps = [{ type: 'session.start' as const, pick: 0 }, ...rest];
				let room: StoredRoom = newGroup('group-pure', 'Monday group', NOW).room;
				steps.forEach(({ type, pick }, i) => {
					const ids = idsIn(room.state);
					const example: Record<string, unknown> = { ...COMMANDS[type].example };
					for (const field of Object.keys(example)) if (field.endsWith('Id')) example[field] = ids[pick % ids.length];
					const command = { ...example, id: `p${i}`, type } as Command;
					const frozen = deepFreeze(structuredClone(room));
					const { next } = runCommand(frozen, command, { now: NOW + i * 1000, sender: facilitatorOf(frozen) });
					if (next) {
						accepted += 1;
						room = next;
					}
				});
			}),
			{ numRuns: 200 }
		);
		// the property exercises accepted commands, not only refusals
		expect(accepted).toBeGreaterThan(300);
	});
});
