// The generated parts of docs/protocol.md: every command with its fields and a JSON example, the
// limits and the error codes, all read from src/lib/protocol. `npm run docs:protocol` rewrites them;
// tests/unit/protocol-doc.test.ts fails when the document and the schemas disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS, COMMAND_TYPES, ERROR_CODE, ERROR_MEANING, LIMITS, RETRYABLE } from '../src/lib/protocol/protocol.ts';

export const DOC_PATH = fileURLToPath(new URL('../docs/protocol.md', import.meta.url));

function commandsSection(): string {
	return COMMAND_TYPES.map((type, i) => {
		const spec = COMMANDS[type];
		const fields = Object.entries(spec.fields as Record<string, { doc: string }>);
		const table = fields.length
			? ['| field | type |', '|---|---|', ...fields.map(([name, f]) => `| \`${name}\` | ${f.doc} |`)].join('\n')
			: 'No fields besides `id` and `type`.';
		const example = JSON.stringify({ id: `c${i + 1}`, type, ...spec.example });
		return `### \`${type}\`\n\n${spec.summary}\n\n${table}\n\n\`\`\`json\n${example}\n\`\`\``;
	}).join('\n\n');
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

const SECTIONS: Record<string, () => string> = { commands: commandsSection, limits: limitsSection, errors: errorsSection };

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
