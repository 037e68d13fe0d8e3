import type { Fields } from './schema.ts';

/** One row of the command table: what it does (for the docs), its fields, and a JSON example. */
export interface CommandSpec {
	summary: string;
	fields: Fields;
	example: Record<string, unknown>;
}
