/**
 * A device's credential arrives once in its link's fragment (`#key=...`), is kept in this browser's
 * storage so a reload or a reboot of the projector laptop reconnects by itself, and is then removed
 * from the address bar so it is never on screen.
 */
import { groupKeyFromLink, rememberGroupKey } from './group-key.ts';

export const PAGE_KIND = { remote: 'remote', desk: 'desk', display: 'display' } as const;
export type PageKind = (typeof PAGE_KIND)[keyof typeof PAGE_KIND];

const storageKey = (groupId: string, kind: PageKind) => `roomcast:${groupId}:${kind}`;
/** Every key this device keeps for a group (credentials, group key, outboxes) starts so. */
const groupPrefix = (groupId: string) => `roomcast:${groupId}:`;

export function takeCredential(groupId: string, kind: PageKind): string | null {
	const fromLink = new URLSearchParams(location.hash.slice(1)).get('key');
	// the group key travels beside the credential (`&k=`): kept before the fragment is removed
	const groupKey = groupKeyFromLink();
	if (groupKey) rememberGroupKey(groupId, groupKey);
	if (fromLink) {
		try {
			localStorage.setItem(storageKey(groupId, kind), fromLink);
		} catch {
			// storage refused (private mode): the page still works until it is closed
		}
		history.replaceState(history.state, '', location.pathname);
		return fromLink;
	}
	try {
		return localStorage.getItem(storageKey(groupId, kind));
	} catch {
		return null;
	}
}

/** Keeps a credential that came another way than a link: a paired projector, a redeemed invite. */
export function rememberCredential(groupId: string, kind: PageKind, key: string): void {
	try {
		localStorage.setItem(storageKey(groupId, kind), key);
	} catch {
		// storage refused: the credential works until the page is closed
	}
}

export function forgetCredential(groupId: string, kind: PageKind): void {
	try {
		localStorage.removeItem(storageKey(groupId, kind));
	} catch {
		// nothing stored
	}
}

/** The credential kept for a page of a group, without looking at the address bar. */
export function storedCredential(groupId: string, kind: PageKind): string | null {
	try {
		return localStorage.getItem(storageKey(groupId, kind));
	} catch {
		return null;
	}
}

/** Groups for which this browser keeps a credential, with the kinds it keeps. */
export function groupsWithCredentials(): Map<string, PageKind[]> {
	const found = new Map<string, PageKind[]>();
	try {
		for (let i = 0; i < localStorage.length; i++) {
			const match = /^roomcast:([^:]+):(remote|desk|display)$/.exec(localStorage.key(i) ?? '');
			if (match) found.set(match[1], [...(found.get(match[1]) ?? []), match[2] as PageKind]);
		}
	} catch {
		// storage refused: nothing is kept
	}
	return found;
}

/**
 * Forgets a group on this device only: its credentials, its key and any unsent commands. The
 * group and its other devices are untouched (its devices list still names this one until a
 * facilitator removes it).
 */
export function forgetGroupOnDevice(groupId: string): void {
	for (const store of [() => localStorage, () => sessionStorage]) {
		try {
			const storage = store();
			const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
			for (const key of keys) if (key.startsWith(groupPrefix(groupId))) storage.removeItem(key);
		} catch {
			// storage refused: nothing is kept there
		}
	}
}
