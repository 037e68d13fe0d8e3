/**
 * Puts the test between a page and the server's Socket.IO WebSocket, to make network conditions
 * deterministic instead of waiting for them: hold commands (a slow network), cut the link and keep
 * it cut (the projector's Wi-Fi drops), or replay an old snapshot (a late packet).
 */
import type { Page, WebSocketRoute } from '@playwright/test';

interface Link {
	page: WebSocketRoute;
	server: WebSocketRoute;
}

export interface SocketRelay {
	/** Commands the page sends wait here until `release()`. */
	hold(): void;
	release(): void;
	/** Drops the current link, and every reconnect until `restore()`. */
	cut(): void;
	restore(): void;
	/** Every Socket.IO event the page emitted (a command is one), held or not. */
	readonly emitted: readonly string[];
	/** Every `state` frame the server sent this page, in order, as raw Socket.IO frames. */
	readonly stateFrames: readonly string[];
	/** Delivers a raw frame to the page as if the server had sent it. */
	deliver(frame: string): void;
}

const isEvent = (frame: string) => /^42\d*\[/.test(frame);
const isCommand = (frame: string) => /^42\d*\["command"/.test(frame);
const isState = (frame: string) => frame.startsWith('42["state"');

/** Must be called before the page opens its link. */
export async function relaySocket(page: Page): Promise<SocketRelay> {
	let holding = false;
	let down = false;
	const held: string[] = [];
	const stateFrames: string[] = [];
	const emitted: string[] = [];
	let current: Link | null = null;

	await page.routeWebSocket(/\/socket\.io\//, (ws) => {
		const server = ws.connectToServer();
		if (down) {
			// Let Engine.IO's handshake through and cut when the page asks to join: a close before the
			// handshake raises no error in Socket.IO, which would then sit out its 20 s connect timeout.
			ws.onMessage(() => {
				void server.close();
				void ws.close();
			});
			return;
		}
		const link: Link = { page: ws, server };
		current = link;
		ws.onMessage((frame) => {
			if (typeof frame === 'string' && isEvent(frame)) emitted.push(frame);
			if (typeof frame === 'string' && holding && isCommand(frame)) held.push(frame);
			else server.send(frame);
		});
		server.onMessage((frame) => {
			if (typeof frame === 'string' && isState(frame)) stateFrames.push(frame);
			ws.send(frame);
		});
		ws.onClose(() => {
			if (current === link) current = null;
			void server.close();
		});
		server.onClose(() => {
			if (current === link) current = null;
			void ws.close();
		});
	});

	return {
		hold: () => void (holding = true),
		release() {
			holding = false;
			for (const frame of held.splice(0)) current?.server.send(frame);
		},
		cut() {
			down = true;
			const link = current;
			current = null;
			void link?.page.close();
			void link?.server.close();
		},
		restore: () => void (down = false),
		emitted,
		stateFrames,
		deliver: (frame) => current?.page.send(frame)
	};
}

/** The snapshot inside a raw `state` frame. */
export function snapshotOf(frame: string): { version: number } & Record<string, unknown> {
	const [, snapshot] = JSON.parse(frame.slice(2)) as [string, { version: number }];
	return snapshot;
}

/** A raw `state` frame carrying this snapshot. */
export function stateFrame(snapshot: unknown): string {
	return `42${JSON.stringify(['state', snapshot])}`;
}
