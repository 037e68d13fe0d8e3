/**
 * The pages' socket client (src/lib/client/socket.ts) uses the global WebSocket, which browsers and
 * Node 22 have and Node 20 lacks: tests that run it in Node import this first.
 */
import { WebSocket } from 'ws';

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
