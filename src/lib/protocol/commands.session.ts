/** Commands about the running session: speaker, permission, queue, headcount, parking lot, screens. */
import * as v from 'valibot';
import type { CommandSpec } from './command-spec.ts';
import { LIMITS, sealedLength } from './limits.ts';
import { bool, int, oneOf, ref, text, uniqueList } from './schema.ts';
import { PERMISSIONS } from './state.ts';

const name = text(sealedLength(LIMITS.NAME_MAX_CHARS));
const on = bool();

export const SESSION_COMMANDS = {
	'session.start': {
		summary: 'Start a session: nobody speaking, empty queue and board, headcount 0, the agreements on the display.',
		fields: {},
		example: {}
	},
	'session.end': {
		summary:
			'End the session: everything it held is wiped; only its counts (start, end, peak, arrivals, still here) are kept for the facilitators. `carry` (optional): parking-lot topic ids to keep as topics for next time.',
		fields: { carry: v.optional(uniqueList(ref(), 0, LIMITS.PARKING_LOT_MAX)) },
		example: { carry: ['p31'] }
	},
	'speaker.set': {
		summary: 'Make this person the speaker. A new speaker starts at feedback permission "unasked".',
		fields: { name },
		example: { name: 'Casey' }
	},
	'speaker.clear': { summary: 'Nobody is speaking.', fields: {}, example: {} },
	'feedback.set': {
		summary: "Record the speaker's answer to \"may the group give you feedback?\".",
		fields: { permission: oneOf(PERMISSIONS) },
		example: { permission: 'granted' }
	},
	'queue.add': { summary: 'Add a person to the end of the check-in queue.', fields: { name }, example: { name: 'Tasha' } },
	'queue.move': {
		summary: 'Move a queue entry to a new position (0 is next; past the end means last).',
		fields: { entryId: ref(), toIndex: int(0, 1000) },
		example: { entryId: 'q12', toIndex: 0 }
	},
	'queue.remove': { summary: 'Take an entry off the queue (can be undone for a few seconds).', fields: { entryId: ref() }, example: { entryId: 'q12' } },
	'queue.next': {
		summary: 'The first person in the queue becomes the speaker (permission "unasked") and leaves the queue.',
		fields: {},
		example: {}
	},
	'headcount.arrive': { summary: 'Someone came in (anonymous: no name).', fields: {}, example: {} },
	'headcount.leave': { summary: 'Someone left (anonymous).', fields: {}, example: {} },
	'parkingLot.add': {
		summary: 'Park a topic to come back to later in the session.',
		fields: { text: text(sealedLength(LIMITS.TOPIC_MAX_CHARS)) },
		example: { text: 'Medical marijuana' }
	},
	'parkingLot.remove': {
		summary: 'Take a topic out of the parking lot (can be undone for a few seconds).',
		fields: { topicId: ref() },
		example: { topicId: 'p31' }
	},
	'privacy.blank': {
		summary: 'Privacy screen on or off: while on, every display shows only the neutral welcome.',
		fields: { on },
		example: { on: true }
	},
	'agreements.show': {
		summary: "Show (or stop showing) the group's agreements on the display.",
		fields: { on },
		example: { on: true }
	},
	undo: {
		summary: 'Undo a recent removal or clear (its trash entry id from the facilitator state), within a few seconds.',
		fields: { undoId: ref() },
		example: { undoId: 'u40' }
	}
} as const satisfies Record<string, CommandSpec>;
