/** The README's configuration tables list every environment variable the server reads, the limits with their defaults. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMIT_ENV, readConfig } from '../../server/config.ts';
import { DEFAULT_LIMITS } from '../../server/limits.ts';

const readme = readFileSync('README.md', 'utf8');

describe('README "Configuration"', () => {
	it('lists every limit with its environment variable and its default', () => {
		for (const [name, variable] of Object.entries(LIMIT_ENV)) {
			const row = `| \`${variable}\` | \`${DEFAULT_LIMITS[name as keyof typeof DEFAULT_LIMITS]}\` |`;
			expect(readme, name).toContain(row);
		}
	});

	it('reads each variable', () => {
		const env = Object.fromEntries(Object.values(LIMIT_ENV).map((variable, i) => [variable, String(i + 1)]));
		expect(Object.values(readConfig(env).limits)).toEqual(Object.values(LIMIT_ENV).map((_, i) => i + 1));
		expect(() => readConfig({ SOCKETS_PER_ADDRESS: 'many' })).toThrow(/SOCKETS_PER_ADDRESS/);
	});

	it('lists every other variable the server reads', () => {
		const sources = ['server/config.ts', 'server/index.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');
		const read = new Set([...sources.matchAll(/env\.([A-Z_]+)|integer\(env, '([A-Z_]+)'/g)].map((m) => m[1] ?? m[2]));
		expect(read.size).toBeGreaterThan(10);
		for (const variable of read) expect(readme, variable).toContain(`| \`${variable}\` |`);
	});
});
