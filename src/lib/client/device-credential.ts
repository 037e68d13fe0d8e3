/**
 * A device's credential arrives once in its link's fragment (`#key=...`), is kept in this browser's
 * storage so a reload or a reboot of the projector laptop reconnects by itself, and is then removed
 * from the address bar so it is never on screen.
 */
import { groupKeyFromLink, rememberGroupKey } from './group-key.ts';

const PAGE_KIND = { remote: 'remote', desk: 'desk', display: 'display' } as const;
export type PageKind = (typeof PAGE_KIND)[keyof typeof PAGE_KIND];

const storageKey = (groupId: string, kind: PageKind) => `roomcast:${groupId}:${kind}`;

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
