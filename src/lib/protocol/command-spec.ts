import type { ObjectEntries } from 'valibot';

/** One row of the command table: what it does (for the docs), its fields (valibot schemas), and a JSON example. */
export interface CommandSpec {
	summary: string;
	fields: ObjectEntries;
	example: Record<string, unknown>;
}
