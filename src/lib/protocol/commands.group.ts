/** Commands about the recurring group: its settings and the topics for next time. Need no session. */
import * as v from 'valibot';
import type { CommandSpec } from './command-spec.ts';
import { LIMITS, sealedLength } from './limits.ts';
import { clockTime, list, oneOf, ref, text, timeZone, uniqueList } from './schema.ts';
import { LANGUAGES, WEEKDAYS } from './state.ts';

export const GROUP_COMMANDS = {
	'group.rename': {
		summary: 'Change the name the projector shows (a neutral name is fine: "Wednesday group").',
		fields: { name: text(sealedLength(LIMITS.GROUP_NAME_MAX_CHARS)) },
		example: { name: 'Monday group' }
	},
	'group.setSchedule': {
		summary: "Set when the group meets, in the group's time zone.",
		fields: { days: uniqueList(oneOf(WEEKDAYS), 1, 7), start: clockTime(), end: clockTime(), timeZone: timeZone() },
		example: { days: ['mon', 'wed', 'fri'], start: '13:30', end: '14:30', timeZone: 'America/Los_Angeles' }
	},
	'group.clearSchedule': { summary: 'The group has no fixed schedule.', fields: {}, example: {} },
	'group.setOpeningWords': {
		summary: 'Set the words the facilitator reads to open each session (null: the default words).',
		fields: { text: v.nullable(text(sealedLength(LIMITS.OPENING_MAX_CHARS))) },
		example: { text: 'Hello! Welcome. Everyone is welcome just as they are, whenever they get here.' }
	},
	'group.setAgreements': {
		summary: "Set the group's few agreements, shown on the display at the opening (null: the defaults).",
		fields: { agreements: v.nullable(list(text(sealedLength(LIMITS.AGREEMENT_MAX_CHARS)), 1, LIMITS.AGREEMENTS_MAX)) },
		example: { agreements: ['Come and go as you need', 'Ask before giving feedback', 'No threats of any kind'] }
	},
	'group.setLanguage': {
		summary: 'Set the display\'s language: "en", "es", or "en+es" to show both.',
		fields: { language: oneOf(LANGUAGES) },
		example: { language: 'en+es' }
	},
	'topics.add': {
		summary: 'Add a topic members asked for next time (kept across sessions).',
		fields: { text: text(sealedLength(LIMITS.TOPIC_MAX_CHARS)) },
		example: { text: 'Safer injecting' }
	},
	'topics.remove': { summary: 'Remove a topic for next time.', fields: { topicId: ref() }, example: { topicId: 't5' } },
	'records.remove': {
		summary: "Delete one past session's counts from the records for funders.",
		fields: { recordId: ref() },
		example: { recordId: 'r120' }
	},
	'records.clear': { summary: 'Delete every past session\'s counts from the records for funders.', fields: {}, example: {} }
} as const satisfies Record<string, CommandSpec>;
