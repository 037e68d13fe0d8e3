/**
 * The crypto boundary of a page: commands are sealed as they leave, snapshots opened as they
 * arrive, so components only ever see plain text. A value that does not open is never shown: it
 * becomes '' and is counted, and a page whose values do not open at all says it cannot read the group.
 */
import { mapCommandText, mapStateText } from '../protocol/sealed.ts';
import type { Command, RoomState } from '../protocol/protocol.ts';
import { isSealed, openText, sealText } from './text-cipher.ts';

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
	/** Opened values by their sealed form: a snapshot repeats most of the last one's. */
	#opened = new Map<string, string | null>();

	constructor(
		readonly groupId: string,
		private readonly key: Uint8Array | null
	) {}

	get hasKey(): boolean {
		return this.key !== null;
	}

	seal(command: Command): Command {
		const key = this.key;
		if (!key) return command;
		return mapCommandText(command, (text) => sealText(key, this.groupId, text));
	}

	open(state: RoomState): { state: RoomState; readability: Readability } {
		let sealed = 0;
		let failed = 0;
		const opened = mapStateText(state, (value) => {
			if (!isSealed(value)) return value; // plain text (a client without encryption)
			sealed += 1;
			const text = this.#openOne(value);
			if (text === null) failed += 1;
			return text ?? '';
		});
		const readability =
			failed === 0 ? READABILITY.readable : !this.key ? READABILITY.noKey : failed === sealed ? READABILITY.wrongKey : READABILITY.partly;
		return { state: opened, readability };
	}

	#openOne(value: string): string | null {
		const cached = this.#opened.get(value);
		if (cached !== undefined) return cached;
		let text: string | null = null;
		if (this.key) {
			try {
				text = openText(this.key, this.groupId, value);
			} catch {
				text = null; // tampered, or another key: rejected, never shown
			}
		}
		if (this.#opened.size >= CACHE_MAX) this.#opened.clear();
		this.#opened.set(value, text);
		return text;
	}
}
