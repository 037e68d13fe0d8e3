/**
 * The Socket.IO server and what it refuses before any Socket.IO handshake, at the Engine.IO layer:
 * other sites' pages [R46], more than `socketsPerAddress` WebSockets open at once from one address,
 * and connections that do not complete their handshake within `handshakeTimeoutMs` [R68].
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { LIMITS, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from '../src/lib/protocol/protocol.ts';
import type { Deps } from './app.ts';
import { setSecurityHeaders } from './headers.ts';
import type { RefusalLog } from './log.ts';
import { originAllowed } from './origins.ts';

export type RoomcastServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RoomcastSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function createSocketServer(httpServer: HttpServer, deps: Deps, destroyUpgrade: boolean, refusals: RefusalLog): RoomcastServer {
	const open = new Map<string, number>();
	const release = (address: string) => {
		const left = (open.get(address) ?? 1) - 1;
		if (left > 0) open.set(address, left);
		else open.delete(address);
	};
	const io: RoomcastServer = new Server(httpServer, {
		serveClient: false,
		// WebSocket only: any node can serve any socket, so several nodes need no sticky sessions.
		transports: ['websocket'],
		maxHttpBufferSize: LIMITS.SOCKET_MESSAGE_MAX_BYTES,
		destroyUpgrade,
		// a connection that has not joined by then is closed (Socket.IO's default is 45 s)
		connectTimeout: deps.limits.handshakeTimeoutMs,
		allowRequest: (req, callback) => {
			if (!originAllowed(req, deps.allowedOrigins)) return callback('origin not allowed', false);
			const address = deps.addressOf(req);
			const count = open.get(address) ?? 0;
			if (count >= deps.limits.socketsPerAddress) {
				refusals.note('too_many_sockets');
				return callback('too many connections from this address', false);
			}
			// counted until the TCP connection closes, whatever becomes of the handshake
			open.set(address, count + 1);
			req.socket.once('close', () => release(address));
			callback(null, true);
		}
	});
	// Engine.IO answers /socket.io/ requests itself, before any Express middleware: it gets the
	// headers here, as the first listener of every request.
	httpServer.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => setSecurityHeaders(res));
	return io;
}
