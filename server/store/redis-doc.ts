/**
 * How a room is laid out in Redis (room-store.redis.ts): the group's doc (the room without its
 * version, session and recent command ids), the session apart, and the recent command ids as list
 * entries; and what a write must send of a change (issue 7: only what changed).
 */
import type { Session } from '../../src/lib/protocol/protocol.ts';
import { upgradeState } from '../../src/lib/room/room.upgrade.ts';
import type { AckExtra, RecentCommand, StoredRoom } from './room-store.ts';

/** The group's doc: the room without its version, session and recent command ids (each kept apart). */
export function encodeDoc(room: StoredRoom): string {
	const { session: _session, version: _version, ...state } = room.state;
	return JSON.stringify({ state, keys: room.keys });
}

const SESSION_UNCHANGED = '=';
const inDocOnly = new WeakSet<StoredRoom>();

/**
 * What a write must send: the doc only when the group, its devices, invites or credentials changed
 * (the rules are pure: a changed part is a new object), the session only when it changed, and the
 * command ids added since `room`.
 */
export function changes(room: StoredRoom, next: StoredRoom) {
	const [before, after] = [room.state, next.state];
	const docChanged =
		after.group !== before.group ||
		after.devices !== before.devices ||
		after.invites !== before.invites ||
		after.groupId !== before.groupId ||
		after.protocol !== before.protocol ||
		next.keys !== room.keys;
	const session = after.session === before.session ? (after.session ? SESSION_UNCHANGED : '') : after.session ? JSON.stringify(after.session) : '';
	const last = room.recent.at(-1);
	const from = last === undefined || inDocOnly.has(room) ? 0 : next.recent.lastIndexOf(last) + 1;
	const replace = from === 0 && room.recent.length > 0;
	return {
		doc: docChanged ? encodeDoc(next) : '',
		session,
		recentMode: replace ? 'replace' : 'append',
		recent: next.recent.slice(from).map(([id, version, ack]) => `${version} ${id}${ack ? ` ${JSON.stringify(ack)}` : ''}`)
	};
}

export function decode(ver: string | null, doc: string | null, session: string | null, recent: string[]): StoredRoom | null {
	if (!doc || !ver) return null;
	const stored = JSON.parse(doc) as Omit<StoredRoom, 'recent'> & { recent?: StoredRoom['recent'] };
	const room: StoredRoom = {
		state: { ...stored.state, version: Number(ver) },
		keys: stored.keys,
		recent: recent.length > 0 ? recent.map(parseRecent) : (stored.recent ?? [])
	};
	// a doc written before the list existed carries its ids inside: the first write moves them out
	if (recent.length === 0 && stored.recent?.length) inDocOnly.add(room);
	room.state.session = session ? (JSON.parse(session) as Session) : null;
	room.state = upgradeState(room.state);
	return room;
}

/** `<version> <id>`, or `<version> <id> <ack extra as JSON>` (ids hold no spaces). */
function parseRecent(entry: string): RecentCommand {
	const [version, id, ...extra] = entry.split(' ');
	return extra.length > 0 ? [id, Number(version), JSON.parse(extra.join(' ')) as AckExtra] : [id, Number(version)];
}
