/**
 * The factory that server/index.ts, the dev server and the tests all call: an HTTP API and Socket.IO
 * on one http server, over whatever store (and cross-node adapter) the caller hands in.
 */
import type { Server as HttpServer } from 'node:http';
import type { Server } from 'socket.io';
import { createApi } from './api.ts';
import type { Logger } from './log.ts';
import { attachRealtime, type RoomcastServer } from './realtime.ts';
import type { RoomStore } from './store/room-store.ts';

export interface Components {
	store: RoomStore;
	log: Logger;
	/** Socket.IO adapter that carries broadcasts to other nodes (Redis), if any. */
	adapter?: Parameters<Server['adapter']>[0];
	publicUrl?: string;
	now?: () => number;
	destroyUpgrade?: boolean;
}

export interface Application {
	io: RoomcastServer;
	api: ReturnType<typeof createApi>;
	/** Disconnects every socket and stops accepting new ones. Does not close the store. */
	close(): Promise<void>;
}

export function createApplication(httpServer: HttpServer, components: Components): Application {
	const io = attachRealtime(httpServer, components);
	if (components.adapter) io.adapter(components.adapter);
	const api = createApi(components);
	return {
		io,
		api,
		close: () => new Promise<void>((resolve) => void io.close(() => resolve()))
	};
}
