/**
 * The command table: every command a facilitator device can send, its fields, and an example.
 * Types, runtime validation and the command list in docs/protocol.md are all derived from it.
 */
import { LIMITS } from './limits.ts';
import { ERROR_CODE, type ProtocolError } from './errors.ts';
import { COLUMNS, PERMISSIONS } from './state.ts';
import { int, isPlainObject, oneOf, parseFields, ref, text, type Fields, type ValuesOf } from './schema.ts';

interface CommandSpec {
	summary: string;
	fields: Fields;
	example: Record<string, unknown>;
}

const name = text(LIMITS.NAME_MAX_CHARS);
const title = text(LIMITS.TITLE_MAX_CHARS);
const column = oneOf(COLUMNS);
const position = int(0, 1000);

export const COMMANDS = {
	'session.start': { summary: 'Start a session of the group (opens an empty speaker, queue and board).', fields: {}, example: {} },
	'session.end': { summary: 'End the session: everything it held (names, queue, board) is wiped.', fields: {}, example: {} },
	'speaker.set': {
		summary: 'Make this person the speaker. A new speaker starts at feedback permission "unasked".',
		fields: { name },
		example: { name: 'Casey' }
	},
	'speaker.clear': { summary: 'Nobody is speaking.', fields: {}, example: {} },
	'feedback.set': {
		summary: "Record the speaker's answer to \"may the group give you feedback?\".",
		fields: { permission: oneOf(PERMISSIONS) },
		example: { permission: 'granted' }
	},
	'queue.add': { summary: 'Add a person to the end of the check-in queue.', fields: { name }, example: { name: 'Tasha' } },
	'queue.move': {
		summary: 'Move a queue entry to a new position (0 is next; past the end means last).',
		fields: { entryId: ref(), toIndex: position },
		example: { entryId: 'q12', toIndex: 0 }
	},
	'queue.remove': { summary: 'Take an entry off the queue.', fields: { entryId: ref() }, example: { entryId: 'q12' } },
	'queue.next': {
		summary: 'The first person in the queue becomes the speaker (permission "unasked") and leaves the queue.',
		fields: {},
		example: {}
	},
	'board.setTitle': { summary: 'Set the decisional-balance board title.', fields: { title }, example: { title: 'Speed' } },
	'board.setHeading': {
		summary: 'Set one column heading (the default is "Good things" / "Not-so-good things").',
		fields: { column, text: title },
		example: { column: 'right', text: 'Reasons to change' }
	},
	'board.addItem': {
		summary: 'Add an item to the end of a column.',
		fields: { column, text: text(LIMITS.ITEM_MAX_CHARS) },
		example: { column: 'left', text: 'Helps me clean the apartment' }
	},
	'board.editItem': {
		summary: "Replace an item's text.",
		fields: { itemId: ref(), text: text(LIMITS.ITEM_MAX_CHARS) },
		example: { itemId: 'b7', text: 'Gets me away for a while' }
	},
	'board.moveItem': {
		summary: 'Move an item within its column or to the other one (0 is the top; past the end means last).',
		fields: { itemId: ref(), column, toIndex: position },
		example: { itemId: 'b7', column: 'right', toIndex: 0 }
	},
	'board.removeItem': { summary: 'Remove an item.', fields: { itemId: ref() }, example: { itemId: 'b7' } },
	'board.clear': {
		summary: 'Clear the board title and every item; the headings stay.',
		fields: {},
		example: {}
	}
} as const satisfies Record<string, CommandSpec>;

export type CommandType = keyof typeof COMMANDS;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

export type CommandOf<T extends CommandType> = { id: string; type: T } & ValuesOf<(typeof COMMANDS)[T]['fields']>;
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
