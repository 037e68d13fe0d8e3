/** Builders for room-logic tests. Names come from the seed's Monday group. */
import { applyCommand, createRoomState } from '../../src/lib/room/room.ts';
import type { Command, CommandInput, RoomState } from '../../src/lib/protocol/protocol.ts';

export const NOW = Date.UTC(2026, 10, 23, 13, 30); // a Monday, 13:30 UTC

let counter = 0;
export const cmd = (input: CommandInput): Command => ({ ...input, id: `c${++counter}` }) as Command;

export function freshRoom(): RoomState {
	return createRoomState('group-test', 'Monday group');
}

/** Applies commands that must all succeed, returning the final state. */
export function play(state: RoomState, ...inputs: CommandInput[]): RoomState {
	let current = state;
	for (const input of inputs) {
		const result = applyCommand(current, cmd(input), { now: NOW });
		if (!result.ok) throw new Error(`${input.type} refused: ${result.error.code}`);
		current = result.state;
	}
	return current;
}

export const inSession = (...inputs: CommandInput[]) => play(freshRoom(), { type: 'session.start' }, ...inputs);
