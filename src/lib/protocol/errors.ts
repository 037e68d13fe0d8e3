/** Every code a rejected command or request can carry. The message beside it is for people. */
export const ERROR_CODE = {
	/** The payload is not an object `{ id, type, ... }`. */
	invalidPayload: 'invalid_payload',
	unknownCommand: 'unknown_command',
	invalidField: 'invalid_field',
	tooLong: 'too_long',
	/** This device's role may not send this command (a display sends none). */
	forbidden: 'forbidden',
	noSession: 'no_session',
	sessionActive: 'session_active',
	notFound: 'not_found',
	queueEmpty: 'queue_empty',
	noSpeaker: 'no_speaker',
	/** headcount.leave with nobody counted in the room. */
	nobodyHere: 'nobody_here',
	/** undo of something that can no longer be undone (too late, or already undone). */
	tooLate: 'too_late',
	/** device.revoke of the group's last facilitator device. */
	lastFacilitator: 'last_facilitator',
	/** A pairing or invite code that did not work (wrong, expired, used, or never existed). */
	codeRefused: 'code_refused',
	/** Too many requests from this device or address; wait and try again. */
	rateLimited: 'rate_limited',
	/** Too many pairing codes typed from this address: a person must wait, so the page must not send it again by itself. */
	tooManyTries: 'too_many_tries',
	full: 'full',
	/** The group no longer exists (expired or never did). */
	noGroup: 'no_group',
	/**
	 * The store could not be reached or did not answer in time. The command may or may not have been
	 * applied: sent again with the same id, it applies once [R18].
	 */
	unavailable: 'unavailable',
	internal: 'internal',
	/** The page speaks another protocol version than the server: it must reload [R66]. */
	outdated: 'outdated'
} as const;
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

/** What each code means, for docs/protocol.md. */
export const ERROR_MEANING: Record<ErrorCode, string> = {
	invalid_payload: 'The payload is not an object `{ id, type, ...fields }`, or its `id` is missing or malformed.',
	unknown_command: 'No command has this `type`.',
	invalid_field: 'A field is missing, unexpected, of the wrong type or out of range.',
	too_long: 'A text is longer than its limit.',
	forbidden: 'This device may not do this (a display sends no command), or its credential was refused.',
	no_session: 'The command needs a running session and none is running.',
	session_active: 'A session is already running.',
	not_found: 'The queue entry or board item is no longer there.',
	queue_empty: 'Nobody is waiting in the queue.',
	no_speaker: 'Nobody is speaking.',
	nobody_here: 'The headcount is already 0.',
	too_late: 'That can no longer be undone.',
	last_facilitator: 'The last facilitator device cannot be removed: the group would have nobody to run it.',
	code_refused: 'The code did not work: it is wrong, used or expired. The answer never says which.',
	rate_limited: 'Too many requests from this device or address. Nothing was applied; wait a moment. A socket that goes on sending far past its limit is disconnected.',
	too_many_tries: 'Too many pairing codes typed from this address: wait a few minutes before typing one again. Nothing was applied.',
	full: 'A list is at its limit (the queue, a board column, or the invites waiting to be used). Nothing was applied.',
	no_group: 'The group no longer exists (it expired, or never did).',
	unavailable:
		'The server cannot reach its store, or it did not answer in time. The command may or may not have been applied: send it again with the same `id` and it applies once.',
	internal: 'An unexpected server error. Nothing was applied. Sending the same command again would most likely fail the same way: pages show it and drop it.',
	outdated: 'The page speaks another protocol version than this server (handshake `auth.protocol`): reload the page.'
};

export interface ProtocolError {
	code: ErrorCode;
	message: string;
}

/**
 * [R67] Codes after which sending the same command again (same id) may succeed: pages keep such a
 * command in their outbox. Any other refusal is final: shown once, and the command is dropped.
 */
export const RETRYABLE: ReadonlySet<ErrorCode> = new Set([ERROR_CODE.unavailable, ERROR_CODE.rateLimited]);
