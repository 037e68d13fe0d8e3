/**
 * A very small runtime schema kit. The command table in `commands.ts` is written with it, so the
 * TypeScript types, the server's validation and the generated protocol docs come from one place.
 * (A general library such as zod would add ~15 KB gzipped to every page for the same six checks.)
 */

type FieldError = { code: 'invalid_field' | 'too_long'; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export interface Field<T> {
	/** How the docs describe the field, e.g. `string, 1-200 characters`. */
	readonly doc: string;
	parse(value: unknown, name: string): Parsed<T>;
}

/** A field name as people read it: `entryId` → "entry id", `agreements[2]` → "agreement 3". */
function words(name: string): string {
	const item = /^(\w+?)s?\[(\d+)\]$/.exec(name);
	if (item) return `${words(item[1])} ${Number(item[2]) + 1}`;
	return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const fail = (code: FieldError['code'], message: string) => ({ ok: false, error: { code, message } }) as const;

/** Text a person typed: opaque to the server, only its length is bounded. */
export function text(maxChars: number): Field<string> {
	return {
		doc: `string, 1-${maxChars} characters`,
		parse(value, name) {
			if (typeof value !== 'string') return fail('invalid_field', `The ${words(name)} must be a string.`);
			if (value.length === 0) return fail('invalid_field', `The ${words(name)} must not be empty.`);
			if (value.length > maxChars)
				return fail('too_long', `The ${words(name)} is longer than ${maxChars} characters.`);
			return { ok: true, value };
		}
	};
}

/** An identifier the server made (queue entry, board item). */
export function ref(): Field<string> {
	return {
		doc: 'string id from the state',
		parse(value, name) {
			if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value))
				return fail('invalid_field', `The ${words(name)} must be an id taken from the state.`);
			return { ok: true, value };
		}
	};
}

export function oneOf<const V extends readonly string[]>(values: V): Field<V[number]> {
	const allowed = values.map((v) => JSON.stringify(v)).join(' | ');
	return {
		doc: allowed,
		parse(value, name) {
			if (typeof value !== 'string' || !values.includes(value))
				return fail('invalid_field', `The ${words(name)} must be one of ${allowed}.`);
			return { ok: true, value: value as V[number] };
		}
	};
}

export function int(min: number, max: number): Field<number> {
	return {
		doc: `integer, ${min}-${max}`,
		parse(value, name) {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
				return fail('invalid_field', `The ${words(name)} must be a whole number from ${min} to ${max}.`);
			return { ok: true, value };
		}
	};
}

export function bool(): Field<boolean> {
	return {
		doc: 'boolean',
		parse(value, name) {
			if (typeof value !== 'boolean') return fail('invalid_field', `The ${words(name)} must be true or false.`);
			return { ok: true, value };
		}
	};
}

/** `null` or what `field` accepts (e.g. "back to the default"). */
export function nullable<T>(field: Field<T>): Field<T | null> {
	return {
		doc: `${field.doc}, or null`,
		parse(value, name) {
			return value === null ? { ok: true, value: null } : field.parse(value, name);
		}
	};
}

/** A field that may be left out altogether (then it is `undefined`); `null` is not accepted. */
export function optional<T>(field: Field<T>): Field<T | undefined> & { optional: true } {
	return {
		doc: `${field.doc}, optional`,
		optional: true,
		parse(value, name) {
			return value === undefined ? { ok: true, value: undefined } : field.parse(value, name);
		}
	};
}

const isOptional = (field: Field<unknown>) => (field as { optional?: boolean }).optional === true;

/** An array of up to `max` values, each checked by `item`. */
export function list<T>(item: Field<T>, min: number, max: number, unique = false): Field<T[]> {
	return {
		doc: `array of ${min}-${max} (${item.doc})${unique ? ', no repeats' : ''}`,
		parse(value, name) {
			if (!Array.isArray(value) || value.length < min || value.length > max)
				return fail('invalid_field', `The ${words(name)} must be a list of ${min} to ${max} values.`);
			const out: T[] = [];
			for (const [i, v] of value.entries()) {
				const parsed = item.parse(v, `${name}[${i}]`);
				if (!parsed.ok) return parsed;
				out.push(parsed.value);
			}
			if (unique && new Set(out).size !== out.length) return fail('invalid_field', `The ${words(name)} has a value twice.`);
			return { ok: true, value: out };
		}
	};
}

/** A 24-hour wall-clock time "HH:MM". */
export function clockTime(): Field<string> {
	return {
		doc: '"HH:MM", 24-hour',
		parse(value, name) {
			if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
				return fail('invalid_field', `The ${words(name)} must be a time like "13:30".`);
			return { ok: true, value };
		}
	};
}

/** Whether this JavaScript engine knows the IANA time zone `name`. */
export function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

/** An IANA time zone name that this JavaScript engine knows. */
export function timeZone(): Field<string> {
	return {
		doc: 'IANA time zone name, e.g. "America/Los_Angeles"',
		parse(value, name) {
			if (typeof value !== 'string' || value.length > 64) return fail('invalid_field', `The ${words(name)} must be a time zone name.`);
			if (!isTimeZone(value)) return fail('invalid_field', `The ${words(name)} is not a time zone this server knows (like "America/Los_Angeles").`);
			return { ok: true, value };
		}
	};
}

export type Fields = Record<string, Field<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type ValueOf<X> = X extends Field<infer T> ? T : never;
export type ValuesOf<F extends Fields> = { [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOf<F[K]> } & {
	[K in OptionalKeys<F>]?: Exclude<ValueOf<F[K]>, undefined>;
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * Checks exactly `fields` (no missing, no extra keys besides `allowExtra`) on a plain object. Own
 * properties only: `"constructor"` or `"toString"` sent as a field is an extra field, not a match for
 * what every object inherits.
 */
export function parseFields<F extends Fields>(
	input: Record<string, unknown>,
	fields: F,
	context: string,
	allowExtra: readonly string[] = []
): Parsed<ValuesOf<F>> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(input)) {
		if (!Object.hasOwn(fields, key) && !allowExtra.includes(key))
			return fail('invalid_field', `${context} has no field called "${key.slice(0, 40)}".`);
	}
	for (const [key, field] of Object.entries(fields)) {
		if (!Object.hasOwn(input, key)) {
			if (isOptional(field)) continue;
			return fail('invalid_field', `The ${words(key)} is missing (${context} needs it).`);
		}
		const parsed = field.parse(input[key], key);
		if (!parsed.ok) return parsed;
		out[key] = parsed.value;
	}
	return { ok: true, value: out as ValuesOf<F> };
}
