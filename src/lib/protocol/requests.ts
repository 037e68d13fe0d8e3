/**
 * Everything else a client sends, as valibot schemas: the handshake's `auth`, the `records` query
 * and the HTTP bodies. Server-side only, like the command table; docs/protocol.md's table of
 * request fields is generated from `REQUESTS`.
 */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';
import { exactly, plainObject, text } from './schema.ts';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version.ts';

/** Bounds on what the server made and handed out: a group id (22 characters) and a credential (43). */
const GROUP_ID_MAX_CHARS = 64;
const CREDENTIAL_MAX_CHARS = 256;

/**
 * The handshake's `auth` [R25, R66]. Its refusals are fixed sentences (server/handshake.ts), so it
 * carries none. Unknown keys are let through: Socket.IO's own client adds keys of its own to `auth`
 * (`pid` and `offset`, for connection state recovery).
 */
export const HANDSHAKE_AUTH = v.pipe(
	plainObject('The handshake auth must be an object { groupId, key, protocol }.'),
	v.object({
		// first, so a page of another version hears "reload" even if its auth has another shape [R66]
		protocol: v.optional(v.pipe(v.number(), v.integer(), v.minValue(MIN_PROTOCOL_VERSION), v.maxValue(PROTOCOL_VERSION))),
		groupId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(GROUP_ID_MAX_CHARS)),
		key: v.pipe(v.string(), v.nonEmpty(), v.maxLength(CREDENTIAL_MAX_CHARS))
	})
);

/** The `records` request takes `{}` [R53]. */
export const RECORDS_QUERY = exactly({}, 'The records request', 'The records request takes an empty object: {}.');

const GIVE_IT_A_NAME = 'Give the group a name.';
const PUBLIC_KEY_MESSAGE = 'The public key must be 32 bytes in base64url.';
/** An X25519 public key in base64url, or null / left out: none (a client without WebCrypto's X25519). */
const publicKey = v.optional(
	v.nullable(
		v.pipe(
			v.string(PUBLIC_KEY_MESSAGE),
			v.regex(new RegExp(`^[A-Za-z0-9_-]{${LIMITS.PUBLIC_KEY_CHARS}}$`), PUBLIC_KEY_MESSAGE),
			v.description(`X25519 public key, ${LIMITS.PUBLIC_KEY_CHARS} characters of base64url`)
		)
	)
);

/** `POST /api/groups` */
export const CREATE_GROUP_BODY = exactly(
	{
		name: v.pipe(
			v.string(GIVE_IT_A_NAME),
			v.nonEmpty(GIVE_IT_A_NAME),
			v.maxLength(LIMITS.GROUP_NAME_MAX_CHARS, `The group name is longer than ${LIMITS.GROUP_NAME_MAX_CHARS} characters.`)
		)
	},
	'POST /api/groups',
	'Send a JSON object { "name": "..." }.'
);

/** `POST /api/pairings`: a projector asks for a code to show. */
export const PAIRING_BODY = exactly({ publicKey }, 'POST /api/pairings', 'Send a JSON object: {} or { "publicKey": "..." }.');

/** `POST /api/pairings/poll`: has a facilitator approved the code? */
export const POLL_BODY = exactly(
	{ code: text(LIMITS.CODE_MAX_CHARS), token: text(CREDENTIAL_MAX_CHARS) },
	'POST /api/pairings/poll',
	'Send a JSON object { "code": "...", "token": "..." }.'
);

/** `POST /api/invites/redeem`: a new facilitator device redeems an invite code. */
export const REDEEM_BODY = exactly(
	{ code: text(LIMITS.CODE_MAX_CHARS), publicKey },
	'POST /api/invites/redeem',
	'Send a JSON object { "code": "..." }.'
);

/** For docs/protocol.md: each request and its fields. */
export const REQUESTS = {
	'`POST /api/groups`': CREATE_GROUP_BODY,
	'`POST /api/pairings`': PAIRING_BODY,
	'`POST /api/pairings/poll`': POLL_BODY,
	'`POST /api/invites/redeem`': REDEEM_BODY,
	'Socket.IO handshake `auth`': HANDSHAKE_AUTH,
	'`records` request': RECORDS_QUERY
} as const;
