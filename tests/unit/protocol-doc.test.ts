import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, renderProtocolDoc } from '../../scripts/protocol-doc.ts';
import { COMMAND_TYPES } from '../../src/lib/protocol/protocol.ts';

describe('docs/protocol.md', () => {
	const doc = readFileSync(DOC_PATH, 'utf8');

	it('matches the schemas (run `npm run docs:protocol` after changing a command)', () => {
		expect(doc).toBe(renderProtocolDoc(doc));
	});

	it('documents every command with a JSON example', () => {
		for (const type of COMMAND_TYPES) expect(doc).toContain(`"type":"${type}"`);
	});
});
