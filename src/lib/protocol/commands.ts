/**
 * The command table: every command a facilitator device can send, its fields, and an example.
 * Types, runtime validation (one valibot schema for any `command` payload) and the command list in
 * docs/protocol.md are all derived from it.
 */
import * as v from 'valibot';
import { BOARD_COMMANDS } from './commands.board.ts';
import { DEVICE_COMMANDS } from './commands.devices.ts';
import { GROUP_COMMANDS } from './commands.group.ts';
import { SESSION_COMMANDS } from './commands.session.ts';
import { ERROR_CODE, type ProtocolError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { check, plainObject, refusalOf, strict } from './schema.ts';

export const COMMANDS = { ...SESSION_COMMANDS, ...BOARD_COMMANDS, ...GROUP_COMMANDS, ...DEVICE_COMMANDS } as const;

export type CommandType = keyof typeof COMMANDS;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

const BAD_ID = `A command needs an \`id\` of 1-${LIMITS.COMMAND_ID_MAX_CHARS} letters, digits, _ or -.`;
const COMMAND_ID = v.pipe(v.string(BAD_ID), v.regex(new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.COMMAND_ID_MAX_CHARS}}$`), BAD_ID));

/** The schema of one command: its `id`, its `type`, and exactly its fields. */
const commandSchema = (type: CommandType) => strict({ id: COMMAND_ID, type: v.literal(type), ...COMMANDS[type].fields }, type);

/** `v.InferOutput`, without its constraint, which TypeScript cannot check while `T` below is generic. */
type OutputOf<S> = S extends v.GenericSchema<unknown, infer O> ? O : never;

/** The command(s) of the given type(s); distributes over a union of types. */
export type CommandOf<T extends CommandType> = T extends CommandType
	? { id: string; type: T } & OutputOf<v.StrictObjectSchema<(typeof COMMANDS)[T]['fields'], undefined>>
	: never;
export type Command = CommandOf<CommandType>;

/** What `command` sends: the command without its `id`, which the client adds. */
export type CommandInput = { [T in CommandType]: Omit<CommandOf<T>, 'id'> }[CommandType];

const unknownType = (issue: v.VariantIssue) => `\`${String(issue.input).slice(0, 40)}\` is not a command this server knows.`;

/**
 * Any `command` payload: plain data, then the one command schema its `type` picks. Typed by hand as
 * `Command` (which CommandOf derives from the same table): built in a loop, the options lose their types.
 */
const COMMAND = v.pipe(
	plainObject('A command must be an object { id, type, ...fields }.'),
	v.variant('type', COMMAND_TYPES.map(commandSchema), unknownType) as v.GenericSchema<Record<string, unknown>, Command>
);

const UNREADABLE: ProtocolError = { code: ERROR_CODE.invalidPayload, message: 'A command must be plain data { id, type, ...fields }.' };

/** An unknown `type` and a bad `id` have codes of their own; the fields are judged as any body's. */
function explain(issue: v.GenericIssue): ProtocolError {
	if (issue.type === 'variant') return { code: ERROR_CODE.unknownCommand, message: issue.message };
	if (issue.path?.length === 1 && issue.path[0].key === 'id') return { code: ERROR_CODE.invalidPayload, message: BAD_ID };
	return refusalOf(issue);
}

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: ProtocolError };

/** Runtime validation of anything a client sent as a command. Never throws. */
export function parseCommand(payload: unknown): ParsedCommand {
	const checked = check(COMMAND, payload, UNREADABLE, explain);
	return checked.ok ? { ok: true, command: checked.value } : checked;
}
