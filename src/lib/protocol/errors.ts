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
	full: 'full',
	/** The group no longer exists (expired or never did). */
	noGroup: 'no_group',
	/** The store could not be reached; the command did not apply and may be sent again. */
	unavailable: 'unavailable',
	internal: 'internal'
} as const;
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

export interface ProtocolError {
	code: ErrorCode;
	message: string;
}

/** Codes after which sending the same command again (same id) may succeed. */
export const RETRYABLE: ReadonlySet<ErrorCode> = new Set([ERROR_CODE.unavailable, ERROR_CODE.internal]);
