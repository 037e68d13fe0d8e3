/** Commands about the decisional-balance board. */
import * as v from 'valibot';
import type { CommandSpec } from './command-spec.ts';
import { LIMITS, sealedLength } from './limits.ts';
import { bool, int, oneOf, ref, text } from './schema.ts';
import { BOARD_PRESETS, COLUMNS } from './state.ts';

const column = oneOf(COLUMNS);
const title = text(sealedLength(LIMITS.TITLE_MAX_CHARS));
const item = text(sealedLength(LIMITS.ITEM_MAX_CHARS));

export const BOARD_COMMANDS = {
	'board.setTitle': { summary: 'Set the board title (null: no title).', fields: { title: v.nullable(title) }, example: { title: 'Speed' } },
	'board.setHeading': {
		summary: "Set one column heading in the group's own words (null: back to the preset's heading).",
		fields: { column, text: v.nullable(title) },
		example: { column: 'right', text: 'Worries' }
	},
	'board.usePreset': {
		summary:
			'Use a heading pair from motivational interviewing: "balance" (Good things / Not-so-good things) or "change" (Reasons to keep things as they are / Reasons to change). Own headings are dropped.',
		fields: { preset: oneOf(BOARD_PRESETS) },
		example: { preset: 'change' }
	},
	'board.addItem': {
		summary: 'Add an item to the end of a column.',
		fields: { column, text: item },
		example: { column: 'left', text: 'Helps me clean the apartment' }
	},
	'board.addDraft': {
		summary: 'Stage an item at the end of a column that only facilitators see, until board.showItem.',
		fields: { column, text: item },
		example: { column: 'right', text: 'Could lose the apartment' }
	},
	'board.showItem': { summary: 'Show a draft item to the room.', fields: { itemId: ref() }, example: { itemId: 'b8' } },
	'board.editItem': {
		summary: "Replace an item's text.",
		fields: { itemId: ref(), text: item },
		example: { itemId: 'b7', text: 'Gets me away for a while' }
	},
	'board.moveItem': {
		summary: 'Move an item within its column or to the other one (0 is the top; past the end means last).',
		fields: { itemId: ref(), column, toIndex: int(0, 1000) },
		example: { itemId: 'b7', column: 'right', toIndex: 0 }
	},
	'board.removeItem': { summary: 'Remove an item (can be undone for a few seconds).', fields: { itemId: ref() }, example: { itemId: 'b7' } },
	'board.hideColumn': {
		summary: 'Hide a column from the displays for a while, or show it again.',
		fields: { column, hidden: bool() },
		example: { column: 'left', hidden: true }
	},
	'board.show': {
		summary:
			'Put the board on the wall (displays show it as soon as it has a title or an item) or take it off. Ends the question a speaker change asks (R52): `on: true` is "Keep".',
		fields: { on: bool() },
		example: { on: true }
	},
	'board.clear': {
		summary:
			'Clear the title and every item; headings stay; the empty board is back on the wall, ready for the next one (can be undone for a few seconds).',
		fields: {},
		example: {}
	}
} as const satisfies Record<string, CommandSpec>;
