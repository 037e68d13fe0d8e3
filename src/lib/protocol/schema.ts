/**
 * The field kinds the command table and the request bodies are written with: valibot schemas, each
 * with the sentence a person reads when a value is refused. Types (`v.InferOutput`), the server's
 * validation and the generated docs (scripts/protocol-doc.ts reads these schemas) come from one place.
 *
 * Server-side only: no page imports this module, the command table or valibot
 * (tests/unit/client-imports.test.ts). Kept by hand here, because valibot does not do it:
 * - `isPlainObject`: valibot's object schemas take any object (an array, a `Date`, a class instance)
 *   and look fields up with `in`, which sees inherited properties;
 * - the sentences, the field names in words, and which error code an issue becomes.
 */
import * as v from 'valibot';
import type { ErrorCode, ProtocolError } from './errors.ts';

/**
 * Stands for the field's name in a value's sentence. valibot writes an issue's message before the
 * issue knows its path, so the sentence is finished by `refusalOf`, which knows it.
 */
const FIELD = '{field}';

/** A field name as people read it: `entryId` → "entry id", `agreements[2]` → "agreement 3". */
function words(name: string): string {
	const item = /^(\w+?)s?\[(\d+)\]$/.exec(name);
	if (item) return `${words(item[1])} ${Number(item[2]) + 1}`;
	return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `agreements[2]` from an issue's path. */
function pathOf(issue: v.GenericIssue): string {
	return (issue.path ?? []).map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i ? '.' : ''}${String(item.key)}`)).join('');
}

/** Text a person typed: opaque to the server (sealed), only its length is bounded. */
export function text(maxChars: number) {
	return v.pipe(
		v.string(`The ${FIELD} must be a string.`),
		v.nonEmpty(`The ${FIELD} must not be empty.`),
		v.maxLength(maxChars, `The ${FIELD} is longer than ${maxChars} characters.`)
	);
}

/** An identifier the server made (queue entry, board item). */
export function ref() {
	const message = `The ${FIELD} must be an id taken from the state.`;
	return v.pipe(v.string(message), v.regex(/^[A-Za-z0-9_-]{1,64}$/, message), v.description('string id from the state'));
}

export function oneOf<const V extends readonly string[]>(values: V) {
	return v.picklist(values, `The ${FIELD} must be one of ${values.map((value) => JSON.stringify(value)).join(' | ')}.`);
}

export function int(min: number, max: number) {
	const message = `The ${FIELD} must be a whole number from ${min} to ${max}.`;
	return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

export function bool() {
	return v.boolean(`The ${FIELD} must be true or false.`);
}

/** No value twice in a list (compared with ===). Exported so the docs can say "no repeats". */
export function hasNoRepeats<T>(values: T[]): boolean {
	return new Set(values).size === values.length;
}

/** An array of `min` to `max` values, each checked by `item`. */
export function list<S extends v.GenericSchema>(item: S, min: number, max: number) {
	const message = `The ${FIELD} must be a list of ${min} to ${max} values.`;
	return v.pipe(v.array(item, message), v.minLength(min, message), v.maxLength(max, message));
}

/** A list with no value twice (days of the week, ids). */
export function uniqueList<S extends v.GenericSchema>(item: S, min: number, max: number) {
	return v.pipe(list(item, min, max), v.check(hasNoRepeats<v.InferOutput<S>>, `The ${FIELD} has a value twice.`));
}

/** A 24-hour wall-clock time "HH:MM". */
export function clockTime() {
	const message = `The ${FIELD} must be a time like "13:30".`;
	return v.pipe(v.string(message), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, message), v.description('"HH:MM", 24-hour'));
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
export function timeZone() {
	const message = `The ${FIELD} must be a time zone name.`;
	return v.pipe(
		v.string(message),
		// a bound of its own, not maxLength: a long string here is not a text that is too long
		v.check((name) => name.length <= 64, message),
		v.check(isTimeZone, `The ${FIELD} is not a time zone this server knows (like "America/Los_Angeles").`),
		v.description('IANA time zone name, e.g. "America/Los_Angeles"')
	);
}

/** Plain data: an object literal or JSON, not an array, a `Date` or a class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** Plain data, or `notAnObject` is the answer. Goes in front of an object schema (see the header). */
export function plainObject(notAnObject: string) {
	return v.custom<Record<string, unknown>>(isPlainObject, notAnObject);
}

/**
 * Exactly `fields`: a missing field or an extra one is refused. `"constructor"` or `"__proto__"` sent
 * as a field is an extra field: valibot checks keys against the table's own properties. `what`
 * names the object in sentences ("speaker.set", "POST /api/groups").
 */
export function strict<const F extends v.ObjectEntries>(fields: F, what: string) {
	return v.strictObject(fields, (issue) => {
		const key = String(issue.path?.[0]?.key ?? '');
		if (issue.expected === 'never') return `${what} has no field called "${key.slice(0, 40)}".`;
		return `The ${words(key)} is missing (${what} needs it).`;
	});
}

/** Exactly `fields` on plain data. */
export function exactly<const F extends v.ObjectEntries>(fields: F, what: string, notAnObject: string) {
	return v.pipe(plainObject(notAnObject), strict(fields, what));
}

/**
 * The code an issue is answered with: anything about the payload as a whole is `invalid_payload`,
 * a text over its limit `too_long`, any other field `invalid_field`.
 */
function codeOf(issue: v.GenericIssue): ErrorCode {
	if (!issue.path?.length) return 'invalid_payload';
	if (issue.type === 'max_length' && typeof issue.input === 'string') return 'too_long';
	return 'invalid_field';
}

/** The first issue as a refusal: a code, and the sentence with the field's name in words. */
export function refusalOf(issue: v.GenericIssue): ProtocolError {
	const origin = issue.path?.[0]?.origin;
	const message = origin === 'value' ? issue.message.replace(FIELD, words(pathOf(issue))) : issue.message;
	return { code: codeOf(issue), message };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/**
 * Checks untrusted input against `schema`, up to the first issue, which `explain` turns into a
 * refusal. Never throws: `unreadable` answers a hand-made object whose getters throw (JSON cannot).
 */
export function check<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	unreadable: ProtocolError,
	explain: (issue: v.GenericIssue) => ProtocolError = refusalOf
): Checked<v.InferOutput<S>> {
	try {
		const result = v.safeParse(schema, input, { abortEarly: true });
		return result.success ? { ok: true, value: result.output } : { ok: false, error: explain(result.issues[0]) };
	} catch {
		return { ok: false, error: unreadable };
	}
}
