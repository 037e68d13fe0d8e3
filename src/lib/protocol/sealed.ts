/**
 * Which texts are end-to-end encrypted (`e1.` values, docs/protocol.md): every text a person typed.
 * What the server must understand stays plain: ids, versions, permission, counts, times, schedule,
 * columns, order, language, and device labels (the server shows them to facilitators only).
 */
import type { Command, CommandType, RoomState, Session, TrashEntry } from './protocol.ts';

export const SEALED_FIELDS = {
	'speaker.set': ['name'],
	'queue.add': ['name'],
	'board.setTitle': ['title'],
	'board.setHeading': ['text'],
	'board.addItem': ['text'],
	'board.addDraft': ['text'],
	'board.editItem': ['text'],
	'parkingLot.add': ['text'],
	'topics.add': ['text'],
	'group.rename': ['name'],
	'group.setOpeningWords': ['text'],
	'group.setAgreements': ['agreements']
} as const satisfies Partial<Record<CommandType, readonly string[]>>;

type TextMap = (text: string) => string;

/** The command with every sealed field passed through `map` (lists item by item; null stays null). */
export function mapCommandText<C extends Command>(command: C, map: TextMap): C {
	const fields = (SEALED_FIELDS as Partial<Record<CommandType, readonly string[]>>)[command.type];
	if (!fields) return command;
	const out: Record<string, unknown> = { ...command };
	for (const field of fields) {
		const value = out[field];
		if (typeof value === 'string') out[field] = map(value);
		else if (Array.isArray(value)) out[field] = value.map((v) => (typeof v === 'string' ? map(v) : v));
	}
	return out as C;
}

/** The state with every text a person typed passed through `map`. */
export function mapStateText(state: RoomState, map: TextMap): RoomState {
	const g = state.group;
	const group = {
		...g,
		name: map(g.name),
		openingWords: g.openingWords === null ? null : map(g.openingWords),
		agreements: g.agreements?.map(map) ?? null,
		topics: g.topics.map((t) => ({ ...t, text: map(t.text) }))
	};
	return { ...state, group, session: state.session ? mapSession(state.session, map) : null };
}

function mapSession(s: Session, map: TextMap): Session {
	const items = (list: Session['board']['columns']['left']) => list.map((it) => ({ ...it, text: map(it.text) }));
	const b = s.board;
	return {
		...s,
		speaker: s.speaker ? { ...s.speaker, name: map(s.speaker.name) } : null,
		queue: s.queue.map((e) => ({ ...e, name: map(e.name) })),
		board: {
			...b,
			title: b.title ? map(b.title) : '',
			headings: { left: b.headings.left === null ? null : map(b.headings.left), right: b.headings.right === null ? null : map(b.headings.right) },
			columns: { left: items(b.columns.left), right: items(b.columns.right) }
		},
		parkingLot: s.parkingLot.map((t) => ({ ...t, text: map(t.text) })),
		trash: s.trash.map((t) => mapTrash(t, map))
	};
}

function mapTrash(t: TrashEntry, map: TextMap): TrashEntry {
	switch (t.kind) {
		case 'queue':
			return { ...t, entry: { ...t.entry, name: map(t.entry.name) } };
		case 'item':
			return { ...t, item: { ...t.item, text: map(t.item.text) } };
		case 'parkingLot':
			return { ...t, topic: { ...t.topic, text: map(t.topic.text) } };
		case 'board': {
			const col = (list: typeof t.columns.left) => list.map((it) => ({ ...it, text: map(it.text) }));
			return { ...t, title: t.title ? map(t.title) : '', columns: { left: col(t.columns.left), right: col(t.columns.right) } };
		}
	}
}
