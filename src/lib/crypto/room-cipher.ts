/**
 * The crypto boundary of a page: commands are sealed as they leave, snapshots opened as they
 * arrive, so components only ever see plain text. A value that does not open is never shown [R49]:
 * what it named is left out (a queue row, the speaker, a board item, a topic), a title or heading
 * becomes '', and it is counted; a page whose values do not open at all says it cannot read the group.
 * Sealing and opening are asynchronous (WebCrypto, see text-engines.ts).
 */
import { mapCommandText, mapStateText } from '../protocol/sealed.ts';
import type { Command, RoomState, Session } from '../protocol/protocol.ts';
import { pageEngine, type TextEngine } from './text-engines.ts';
import { isSealed } from './text-format.ts';

export const READABILITY = {
	/** Every sealed value opened (or there were none). */
	readable: 'readable',
	/** Sealed values arrived and this device has no key. */
	noKey: 'noKey',
	/** No sealed value opened with this device's key: it is the wrong key. */
	wrongKey: 'wrongKey',
	/** Some values did not open (tampered): they are left out. */
	partly: 'partly'
} as const;
export type Readability = (typeof READABILITY)[keyof typeof READABILITY];

const CACHE_MAX = 2000;

export class RoomCipher {
	/** Opened values by their sealed form (null: did not open): a snapshot repeats most of the last one's. */
	#opened = new Map<string, string | null>();
	#engine: Promise<TextEngine> | null;

	/** `engine` defaults to the page's (WebCrypto, or the library where it is missing). */
	constructor(
		readonly groupId: string,
		private readonly key: Uint8Array | null,
		engine?: Promise<TextEngine>
	) {
		this.#engine = engine ?? null;
	}

	get hasKey(): boolean {
		return this.key !== null;
	}

	#getEngine(): Promise<TextEngine> {
		if (!this.#engine) {
			const loading = pageEngine();
			this.#engine = loading;
			loading.catch(() => {
				if (this.#engine === loading) this.#engine = null; // the library did not load (offline): try again next time
			});
		}
		return this.#engine;
	}

	/** The command with its texts sealed (as it is without a key). */
	async seal(command: Command): Promise<Command> {
		const key = this.key;
		if (!key) return command;
		const texts: string[] = [];
		mapCommandText(command, (text) => (texts.push(text), text));
		if (texts.length === 0) return command;
		const engine = await this.#getEngine();
		const sealed = await Promise.all(texts.map((text) => engine.seal(key, this.groupId, text)));
		let at = 0;
		return mapCommandText(command, () => sealed[at++]);
	}

	/**
	 * A command as it was typed, for showing it while it waits in the outbox (a reload keeps the
	 * outbox sealed): its sealed texts opened, '' where one does not open. Never ciphertext.
	 */
	async openCommand(command: Command): Promise<Command> {
		const key = this.key;
		const texts: string[] = [];
		mapCommandText(command, (text) => (texts.push(text), text));
		if (!texts.some(isSealed)) return command;
		const engine = key ? await this.#getEngine().catch(() => null) : null;
		const open = (text: string) => (!isSealed(text) ? text : engine && key ? engine.open(key, this.groupId, text).catch(() => '') : '');
		const opened = await Promise.all(texts.map(open));
		let at = 0;
		return mapCommandText(command, () => opened[at++]);
	}

	/** The state with every sealed value opened, and what did not open left out. Rejects for a state of a shape it does not know. */
	async open(state: RoomState): Promise<{ state: RoomState; readability: Readability }> {
		const fresh = await this.#openNew(state);
		let sealed = 0;
		let failed = 0;
		const opened = mapStateText(state, (value) => {
			if (!isSealed(value)) return value; // plain text (a client without encryption)
			sealed += 1;
			const text = fresh.has(value) ? fresh.get(value)! : (this.#opened.get(value) ?? null);
			if (text === null) failed += 1;
			return text ?? UNREADABLE;
		});
		const readability =
			failed === 0 ? READABILITY.readable : !this.key ? READABILITY.noKey : failed === sealed ? READABILITY.wrongKey : READABILITY.partly;
		return { state: failed === 0 ? opened : leaveOut(opened), readability };
	}

	/** Opens, all at once, the sealed values of `state` not opened before, and caches them. */
	async #openNew(state: RoomState): Promise<Map<string, string | null>> {
		const fresh = new Map<string, string | null>();
		mapStateText(state, (value) => {
			if (isSealed(value) && !this.#opened.has(value)) fresh.set(value, null);
			return value;
		});
		const key = this.key;
		if (fresh.size === 0 || !key) return fresh;
		const engine = await this.#getEngine();
		await Promise.all(
			[...fresh.keys()].map((value) =>
				engine.open(key, this.groupId, value).then(
					(text) => void fresh.set(value, text),
					() => {} // tampered, or another key: rejected, never shown
				)
			)
		);
		if (this.#opened.size + fresh.size > CACHE_MAX) this.#opened.clear();
		for (const [value, text] of fresh) this.#opened.set(value, text);
		return fresh;
	}
}

/** Stands in for a value that did not open, until leaveOut takes it away. Never shown. */
const UNREADABLE = '\u0000unreadable';
const readable = <T>(list: T[], text: (item: T) => string) => list.filter((item) => text(item) !== UNREADABLE);
const orEmpty = (text: string) => (text === UNREADABLE ? '' : text);
const orNull = (text: string | null) => (text === UNREADABLE ? null : text);

/** [R49] Leaves out what an unreadable value named: no empty queue row, no nameless speaker. */
function leaveOut(state: RoomState): RoomState {
	const g = state.group;
	const group = {
		...g,
		name: orEmpty(g.name),
		openingWords: orNull(g.openingWords),
		agreements: g.agreements && readable(g.agreements, (a) => a),
		topics: readable(g.topics, (t) => t.text)
	};
	return { ...state, group, session: state.session && leaveOutOfSession(state.session) };
}

function leaveOutOfSession(s: Session): Session {
	const b = s.board;
	const items = (list: Session['board']['columns']['left']) => readable(list, (it) => it.text);
	return {
		...s,
		speaker: s.speaker && s.speaker.name !== UNREADABLE ? s.speaker : null,
		queue: readable(s.queue, (e) => e.name),
		board: {
			...b,
			title: orEmpty(b.title),
			headings: { left: orNull(b.headings.left), right: orNull(b.headings.right) },
			columns: { left: items(b.columns.left), right: items(b.columns.right) }
		},
		parkingLot: readable(s.parkingLot, (t) => t.text),
		// a removal that cannot be read cannot be offered for undo by name
		trash: s.trash.filter((t) => !JSON.stringify(t).includes(UNREADABLE))
	};
}
