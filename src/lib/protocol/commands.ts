/**
 * The command table: every command a facilitator device can send, its fields, and an example.
 * Types, runtime validation and the command list in docs/protocol.md are all derived from it.
 */
import { BOARD_COMMANDS } from './commands.board.ts';
import { DEVICE_COMMANDS } from './commands.devices.ts';
import { GROUP_COMMANDS } from './commands.group.ts';
import { SESSION_COMMANDS } from './commands.session.ts';
import { ERROR_CODE, type ProtocolError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { isPlainObject, parseFields, type ValuesOf } from './schema.ts';

export const COMMANDS = { ...SESSION_COMMANDS, ...BOARD_COMMANDS, ...GROUP_COMMANDS, ...DEVICE_COMMANDS } as const;

export type CommandType = keyof typeof COMMANDS;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** The command(s) of the given type(s); distributes over a union of types. */
export type CommandOf<T extends CommandType> = T extends CommandType ? { id: string; type: T } & ValuesOf<(typeof COMMANDS)[T]['fields']> : never;
export type Command = { [T in CommandType]: CommandOf<T> }[CommandType];

/** What `command` sends: the command without its `id`, which the client adds. */
export type CommandInput = { [T in CommandType]: Omit<CommandOf<T>, 'id'> }[CommandType];

const COMMAND_ID = /^[A-Za-z0-9_-]+$/;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: ProtocolError };

/** Runtime validation of anything a client sent as a command. Never throws. */
export function parseCommand(payload: unknown): ParsedCommand {
	try {
		return parseUntrusted(payload);
	} catch {
		// only a hand-made object (getters, proxies) can get here: JSON from a socket cannot
		return reject(ERROR_CODE.invalidPayload, 'A command must be plain data { id, type, ...fields }.');
	}
}

function parseUntrusted(payload: unknown): ParsedCommand {
	if (!isPlainObject(payload))
		return reject(ERROR_CODE.invalidPayload, 'A command must be an object { id, type, ...fields }.');
	const { id, type } = payload;
	if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.COMMAND_ID_MAX_CHARS || !COMMAND_ID.test(id))
		return reject(
			ERROR_CODE.invalidPayload,
			`A command needs an \`id\` of 1-${LIMITS.COMMAND_ID_MAX_CHARS} letters, digits, _ or -.`
		);
	if (typeof type !== 'string' || !Object.hasOwn(COMMANDS, type))
		return reject(ERROR_CODE.unknownCommand, `\`${String(type).slice(0, 40)}\` is not a command this server knows.`);
	const spec = COMMANDS[type as CommandType];
	const fields = parseFields(payload, spec.fields, type, ['id', 'type']);
	if (!fields.ok) return { ok: false, error: fields.error };
	return { ok: true, command: { id, type, ...fields.value } as Command };
}

function reject(code: ProtocolError['code'], message: string): ParsedCommand {
	return { ok: false, error: { code, message } };
}
