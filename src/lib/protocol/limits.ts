/**
 * Bounds on what people type, in UTF-16 code units (JavaScript string length). Pages enforce them on
 * the plain text; the server, which sees text end-to-end encrypted, accepts a string up to
 * `sealedLength(limit)`: the length of the `e1.` form of the longest text allowed.
 */
export const LIMITS = {
	/** A person's name as given (speaker, queue). */
	NAME_MAX_CHARS: 200,
	/** The group's name. */
	GROUP_NAME_MAX_CHARS: 200,
	/** Board title and column headings. */
	TITLE_MAX_CHARS: 300,
	/** One board item. */
	ITEM_MAX_CHARS: 1000,
	/** Opening words the facilitator reads. */
	OPENING_MAX_CHARS: 2000,
	/** The group's agreements, and each one's length. */
	AGREEMENTS_MAX: 8,
	AGREEMENT_MAX_CHARS: 200,
	/** A parking-lot topic or a topic for next time. */
	TOPIC_MAX_CHARS: 300,
	PARKING_LOT_MAX: 30,
	TOPICS_MAX: 20,
	/** Past sessions' counts a group keeps (the oldest go first), whatever the retention. */
	RECORDS_MAX: 500,
	/** A device's label, and how many devices a group may have. */
	DEVICE_LABEL_MAX_CHARS: 60,
	DEVICES_MAX: 20,
	/** Facilitator invites waiting to be redeemed in one group (expired ones do not count). */
	INVITES_PENDING_MAX: 10,
	/** A pairing or invite code as typed: 8 characters, dashes and spaces allowed. */
	CODE_MAX_CHARS: 16,
	/** An X25519 public key in base64url (32 bytes), and a wrapped group key (`w1.` value). */
	PUBLIC_KEY_CHARS: 43,
	WRAPPED_KEY_MAX_CHARS: 200,
	/** People waiting in the queue. */
	QUEUE_MAX: 60,
	/** Items in one board column. */
	COLUMN_MAX_ITEMS: 40,
	/** A command id: the client makes it, 1-64 of A-Z a-z 0-9 _ -. */
	COMMAND_ID_MAX_CHARS: 64,
	/** Largest Socket.IO message the server reads; a bigger one closes the socket. */
	SOCKET_MESSAGE_MAX_BYTES: 16 * 1024,
	/** Largest HTTP body the API reads. */
	HTTP_BODY_MAX_BYTES: 4 * 1024
} as const;

const E1_IV_CHARS = 16; // base64url of 12 bytes
const E1_TAG_BYTES = 16;

/** The longest `e1.` value a text of `chars` units can become (at most 3 UTF-8 bytes per unit). */
export function sealedLength(chars: number): number {
	return 'e1.'.length + E1_IV_CHARS + 1 + Math.ceil(((chars * 3 + E1_TAG_BYTES) * 4) / 3);
}
