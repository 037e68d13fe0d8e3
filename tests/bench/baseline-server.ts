/**
 * B1, the bench's baseline: a bare Socket.IO server that relays a same-sized payload to the room, the
 * least any relay must do. Started by processes.ts with the same Node flags as `npm start` and the
 * same stats preload (server-stats.mjs) as the app, which the bench runs as the production server
 * itself (dist/server.js).
 *
 *   node --import tsx tests/bench/baseline-server.ts <port>
 *   env: B1_BYTES_FACILITATOR, B1_BYTES_DISPLAY
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer((_req, res) => res.writeHead(404).end());
const padded = (bytes: number) => 'x'.repeat(Math.max(0, bytes - 120));
const pad = { facilitator: padded(Number(process.env.B1_BYTES_FACILITATOR)), display: padded(Number(process.env.B1_BYTES_DISPLAY)) };
const io = new Server(http, { serveClient: false, transports: ['websocket'] });
let version = 0;
io.on('connection', (socket) => {
	const { groupId, role } = socket.handshake.auth as { groupId: string; role: 'facilitator' | 'display' };
	void socket.join(`g:${groupId}:${role}`);
	socket.emit('state', { groupId, version, session: { speaker: { name: 's0' } }, pad: pad[role] });
	socket.on('command', (command: { name: string }, ack: (a: unknown) => void) => {
		version += 1;
		ack({ ok: true, version });
		for (const r of ['facilitator', 'display'] as const)
			io.to(`g:${groupId}:${r}`).emit('state', { groupId, version, session: { speaker: { name: command.name } }, pad: pad[r] });
	});
});

http.listen(port, '127.0.0.1');
// A clean exit on SIGTERM, so that --cpu-prof can write its profile.
process.on('SIGTERM', () => process.exit(0));
