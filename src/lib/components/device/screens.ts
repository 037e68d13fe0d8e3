/**
 * Each device's screen, loaded on its own: the one route serves three pages, and a first visit loads
 * only its device's screen (issue 7's page budgets; tests/bench/page-weight.ts counts the same chunk).
 */
import type { Component } from 'svelte';
import type { PageKind } from '../../client/device-credential.ts';
import type { RoomConnection } from '../../client/room-connection.svelte.ts';

export type Screen = Component<{ conn: RoomConnection }>;

export const SCREENS: Record<PageKind, () => Promise<{ default: Screen }>> = {
	remote: () => import('../remote/RemoteScreen.svelte'),
	desk: () => import('../desk/DeskScreen.svelte'),
	display: () => import('../display/DisplayScreen.svelte')
};

/** Where each screen lives in the source, for the page-weight measure (its keys in Vite's manifest). */
export const SCREEN_SOURCES: Record<PageKind, string> = {
	remote: 'src/lib/components/remote/RemoteScreen.svelte',
	desk: 'src/lib/components/desk/DeskScreen.svelte',
	display: 'src/lib/components/display/DisplayScreen.svelte'
};
