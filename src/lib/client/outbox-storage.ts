/**
 * [R50] Where a page's outbox survives a reload: the commands as they go over the wire (texts sealed
 * when the group has a key), in order, with their ids, so each is still applied once. The tab's
 * sessionStorage by default; nothing when there is none.
 */
import type { Command } from '../protocol/protocol.ts';

export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function sessionStore(): OutboxStorage | null {
	try {
		return typeof sessionStorage === 'undefined' ? null : sessionStorage;
	} catch {
		return null;
	}
}

export function saveOutbox(storage: OutboxStorage | null, key: string | undefined, wires: Command[]): void {
	if (!storage || !key) return;
	try {
		if (wires.length === 0) storage.removeItem(key);
		else storage.setItem(key, JSON.stringify(wires));
	} catch {
		// storage full or refused: the outbox still lives in memory
	}
}

export function loadOutbox(storage: OutboxStorage | null, key: string | undefined): Command[] {
	if (!storage || !key) return [];
	try {
		const saved: unknown = JSON.parse(storage.getItem(key) ?? '[]');
		return Array.isArray(saved) ? (saved as Command[]) : [];
	} catch {
		storage.removeItem(key);
		return [];
	}
}
