/**
 * The groups this device can run: the one place that knows them. The credentials and the group key
 * stay where they always were (device-credential.ts, group-key.ts); this keeps beside them what the
 * server cannot give back: the group's name (the server holds it sealed), the address its links
 * use, and when this device last used it. Nothing here leaves the device.
 */
import { groupsWithCredentials, rememberCredential, storedCredential, forgetGroupOnDevice, PAGE_KIND, type PageKind } from './device-credential.ts';
import { decodeKey, rememberGroupKey, storedGroupKey, withGroupKey } from './group-key.ts';

const STORAGE_KEY = 'roomcast:groups';

interface Entry {
	groupId: string;
	/** As typed when it was made, or as last read on the remote or desk; null when never seen here. */
	name: string | null;
	/** Where its links point (the server's public address when it was made here). */
	origin: string;
	usedAt: number;
}

export interface MyGroup extends Entry {
	/** The pages of the group this device holds a credential for. */
	kinds: PageKind[];
	/** It can run the group: it holds a remote or a desk credential. */
	facilitates: boolean;
	hasKey: boolean;
}

function readEntries(): Entry[] {
	try {
		const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
		return Array.isArray(raw) ? raw.filter((e): e is Entry => typeof e?.groupId === 'string') : [];
	} catch {
		return [];
	}
}

function writeEntries(entries: Entry[]): void {
	try {
		localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
	} catch {
		// storage refused (private mode): the list lasts as long as the page
	}
}

/**
 * The groups this device facilitates, the last used first. A group whose credential was kept
 * before this list existed (its remote link opened earlier) is found too, with no name yet.
 */
export function myGroups(): MyGroup[] {
	const held = groupsWithCredentials();
	const entries = readEntries();
	for (const groupId of held.keys())
		if (!entries.some((e) => e.groupId === groupId)) entries.push({ groupId, name: null, origin: location.origin, usedAt: 0 });
	return entries
		.map((e) => {
			const kinds = held.get(e.groupId) ?? [];
			return { ...e, kinds, facilitates: kinds.includes(PAGE_KIND.remote) || kinds.includes(PAGE_KIND.desk), hasKey: storedGroupKey(e.groupId) !== null };
		})
		.filter((g) => g.facilitates)
		.sort((a, b) => b.usedAt - a.usedAt);
}

/** Notes that this device used the group now, and its name when known. */
export function rememberGroup(groupId: string, details: { name?: string | null; origin?: string } = {}): void {
	const entries = readEntries();
	const old = entries.find((e) => e.groupId === groupId);
	const entry: Entry = {
		groupId,
		name: details.name || old?.name || null,
		origin: details.origin ?? old?.origin ?? location.origin,
		usedAt: Date.now()
	};
	writeEntries([entry, ...entries.filter((e) => e.groupId !== groupId)]);
}

/**
 * A group just made on this device: it keeps the three credentials and the key from the links, so
 * the home page can show them again after a reload and this device can approve a projector.
 */
export function rememberMadeGroup(groupId: string, name: string, links: Record<PageKind, string>): void {
	let groupKey: string | null = null;
	for (const kind of Object.values(PAGE_KIND)) {
		const fragment = new URLSearchParams(new URL(links[kind]).hash.slice(1));
		const key = fragment.get('key');
		if (key) rememberCredential(groupId, kind, key);
		groupKey ??= fragment.get('k');
	}
	const keyBytes = groupKey ? decodeKey(groupKey) : null;
	if (keyBytes) rememberGroupKey(groupId, keyBytes);
	rememberGroup(groupId, { name, origin: new URL(links.remote).origin });
}

/** A page's link as the group's creator got it, from what this device keeps; null without its credential. */
export function linkOf(group: Pick<MyGroup, 'groupId' | 'origin'>, kind: PageKind): string | null {
	const credential = storedCredential(group.groupId, kind);
	if (!credential) return null;
	const link = `${group.origin}/g/${group.groupId}/${kind}#key=${encodeURIComponent(credential)}`;
	const key = storedGroupKey(group.groupId);
	return key ? withGroupKey(link, key) : link;
}

/** Forgets the group on this device: its entry, credentials and key. */
export function forgetGroup(groupId: string): void {
	writeEntries(readEntries().filter((e) => e.groupId !== groupId));
	forgetGroupOnDevice(groupId);
}
