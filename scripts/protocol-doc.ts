// The generated parts of docs/protocol.md: the fields of every request, every command with its fields
// and a JSON example, the limits and the error codes, all read from src/lib/protocol's schemas. `npm run docs:protocol` rewrites them;
// tests/unit/protocol-doc.test.ts fails when the document and the schemas disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { COMMANDS, COMMAND_TYPES, ERROR_CODE, ERROR_MEANING, LIMITS, RETRYABLE } from '../src/lib/protocol/protocol.ts';
import { REQUESTS } from '../src/lib/protocol/requests.ts';
import { hasNoRepeats } from '../src/lib/protocol/schema.ts';

export const DOC_PATH = fileURLToPath(new URL('../docs/protocol.md', import.meta.url));

type Action = { type: string; requirement?: unknown };
type Node = v.GenericSchema & { pipe?: readonly (Node | Action)[]; wrapped?: Node; item?: Node; options?: readonly unknown[] };

/** The checks of a schema's pipe, nested pipes included (`uniqueList` is a pipe on a `list`). */
function actionsOf(node: Node): Action[] {
	if (!node.pipe) return [];
	const [base, ...actions] = node.pipe;
	return [...(base !== node ? actionsOf(base as Node) : []), ...actions];
}

/**
 * What a field takes, in the docs' words, read from its valibot schema: the bounds are those the
 * server checks. A kind of schema this does not know stops the script rather than guess.
 */
export function describeField(schema: v.GenericSchema): string {
	const node = schema as Node;
	const described = v.getDescription(node);
	if (described) return described;
	const actions = actionsOf(node);
	const has = (type: string, requirement?: unknown) => actions.some((a) => a.type === type && (requirement === undefined || a.requirement === requirement));
	const bound = (type: string) => actions.find((a) => a.type === type)?.requirement as number;
	switch (node.type) {
		case 'nullable':
			return `${describeField(node.wrapped!)}, or null`;
		case 'optional':
			return `${describeField(node.wrapped!)}, optional`;
		case 'picklist':
			return node.options!.map((option) => JSON.stringify(option)).join(' | ');
		case 'boolean':
			return 'boolean';
		case 'string':
			if (has('non_empty') && has('max_length')) return `string, 1-${bound('max_length')} characters`;
			break;
		case 'number':
			if (has('integer')) return `integer, ${bound('min_value')}-${bound('max_value')}`;
			break;
		case 'array':
			return `array of ${bound('min_length')}-${bound('max_length')} (${describeField(node.item!)})${has('check', hasNoRepeats) ? ', no repeats' : ''}`;
	}
	throw new Error(`protocol-doc: no words for this "${node.type}" schema; give it a v.description()`);
}

function commandsSection(): string {
	return COMMAND_TYPES.map((type, i) => {
		const spec = COMMANDS[type];
		const fields = Object.entries(spec.fields);
		const table = fields.length
			? ['| field | type |', '|---|---|', ...fields.map(([name, field]) => `| \`${name}\` | ${describeField(field)} |`)].join('\n')
			: 'No fields besides `id` and `type`.';
		const example = JSON.stringify({ id: `c${i + 1}`, type, ...spec.example });
		return `### \`${type}\`\n\n${spec.summary}\n\n${table}\n\n\`\`\`json\n${example}\n\`\`\``;
	}).join('\n\n');
}

/** Every request besides `command`: its fields, and whether other fields are refused. */
function requestsSection(): string {
	const rows = Object.entries(REQUESTS).map(([name, schema]) => {
		const object = ((schema as Node).pipe ?? []).find((item): item is Node & { entries: v.ObjectEntries } => 'entries' in item);
		if (!object) throw new Error(`protocol-doc: ${name} is not an object schema`);
		const fields = Object.entries(object.entries).map(([field, value]) => `\`${field}\`: ${describeField(value)}`);
		const others = object.type === 'strict_object' ? 'refused' : 'ignored';
		return `| ${name} | ${fields.join('; ') || 'none: `{}`'} | ${others} |`;
	});
	return ['| request | fields | other fields |', '|---|---|---|', ...rows].join('\n');
}

function limitsSection(): string {
	const rows = Object.entries(LIMITS).map(([name, value]) => `| \`${name}\` | ${value} |`);
	return ['| limit | value |', '|---|---|', ...rows].join('\n');
}

function errorsSection(): string {
	const rows = Object.values(ERROR_CODE).map(
		(code) => `| \`${code}\` | ${ERROR_MEANING[code]} | ${RETRYABLE.has(code) ? 'yes, same `id`' : 'no'} |`
	);
	return ['| code | meaning | send again? |', '|---|---|---|', ...rows].join('\n');
}

const SECTIONS: Record<string, () => string> = {
	requests: requestsSection,
	commands: commandsSection,
	limits: limitsSection,
	errors: errorsSection
};

/** The document with every generated section replaced by what the schemas say now. */
export function renderProtocolDoc(current: string): string {
	let doc = current;
	for (const [name, render] of Object.entries(SECTIONS)) {
		const start = `<!-- generated:${name} -->`;
		const end = `<!-- /generated:${name} -->`;
		const from = doc.indexOf(start);
		const to = doc.indexOf(end);
		if (from < 0 || to < from) throw new Error(`docs/protocol.md lacks the markers for "${name}"`);
		doc = `${doc.slice(0, from + start.length)}\n${render()}\n${doc.slice(to)}`;
	}
	return doc;
}

if (process.argv.includes('--write')) {
	writeFileSync(DOC_PATH, renderProtocolDoc(readFileSync(DOC_PATH, 'utf8')));
	console.log('docs/protocol.md updated');
}
