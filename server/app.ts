/**
 * The factory that server/index.ts, the dev server and the tests all call: an HTTP API and Socket.IO
 * on one http server, over whatever store (and cross-node adapter) the caller hands in.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Server } from 'socket.io';
import { createApi } from './api.ts';
import type { CodeStore } from './codes/code-store.ts';
import { DEFAULT_LIMITS, createLimiters, type LimitSettings, type Limiters } from './limits.ts';
import type { Logger } from './log.ts';
import { clientAddress } from './origins.ts';
import { attachRealtime, type RoomcastServer } from './realtime.ts';
import type { RoomStore } from './store/room-store.ts';
import { RECORDS_RETENTION_DAYS } from '../src/lib/room/room.records.ts';

export interface Components {
	store: RoomStore;
	log: Logger;
	/** Pairing and invite codes (beside the room store: in Redis, or in the same data directory). */
	codes: CodeStore;
	/** Limits and caps (README "Configuration"); the defaults where not given. */
	limits?: Partial<LimitSettings>;
	/** Rate limiters; in-process ones made from `limits` when not given. */
	limiters?: Limiters;
	/** Socket.IO adapter that carries broadcasts to other nodes (Redis), if any. */
	adapter?: Parameters<Server['adapter']>[0];
	publicUrl?: string;
	/** Browser origins allowed besides the app's own (and PUBLIC_URL's). */
	allowedOrigins?: string[];
	/** How many reverse proxies stand in front: the client's address is the one the nearest trusted proxy saw. */
	trustProxyHops?: number;
	now?: () => number;
	/** For /healthz: what the store can say of itself (the Redis primary and its replicas). */
	describeStore?: () => Promise<Record<string, unknown>>;
	/** [R53] How long the records for funders keep a past session's counts (default 396 days). */
	recordsRetentionDays?: number;
	destroyUpgrade?: boolean;
	/** What GET /healthz says this server is (package.json's version). */
	version?: string;
}

/** Components with every default filled in: what the API and the sockets are built from. */
export interface Deps extends Required<Omit<Components, 'adapter' | 'publicUrl' | 'destroyUpgrade' | 'limits' | 'version'>> {
	version: string;
	limits: LimitSettings;
	publicUrl: string | undefined;
	addressOf: (req: IncomingMessage) => string;
}

export interface Application {
	io: RoomcastServer;
	api: ReturnType<typeof createApi>;
	/** Disconnects every socket and stops accepting new ones. Does not close the store. */
	close(): Promise<void>;
	/** Like close, but first lets the commands in flight finish (at most `graceMs`). */
	drain(graceMs: number): Promise<void>;
	/** Sends every device of this node a fresh snapshot (after a failover of the store). */
	resync(): Promise<void>;
}

export function createApplication(httpServer: HttpServer, components: Components): Application {
	const trustProxyHops = components.trustProxyHops ?? 0;
	const now = components.now ?? Date.now;
	const limits = { ...DEFAULT_LIMITS, ...components.limits };
	const deps: Deps = {
		store: components.store,
		log: components.log,
		codes: components.codes,
		limits,
		limiters: components.limiters ?? createLimiters(limits),
		publicUrl: components.publicUrl,
		allowedOrigins: [...(components.allowedOrigins ?? []), ...(components.publicUrl ? [new URL(components.publicUrl).origin] : [])],
		trustProxyHops,
		now,
		recordsRetentionDays: components.recordsRetentionDays ?? RECORDS_RETENTION_DAYS,
		describeStore: components.describeStore ?? (async () => ({})),
		version: components.version ?? 'development',
		addressOf: (req) => clientAddress(req, trustProxyHops)
	};
	const { io, broadcast, drain, close, resync } = attachRealtime(httpServer, deps, components.destroyUpgrade ?? true);
	if (components.adapter) io.adapter(components.adapter);
	const api = createApi(deps, broadcast);
	return { io, api, close, drain, resync };
}
