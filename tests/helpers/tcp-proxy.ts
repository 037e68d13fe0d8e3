/** A TCP proxy in front of a server whose link a test can cut and restore: a real network fault. */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
	url: string;
	/** Drops every connection and refuses new ones, like Wi-Fi going away. */
	cut(): void;
	restore(): void;
	/** Holds every byte in both directions with the connections left open, like a hung peer. */
	stall(): void;
	/** Lets the held bytes through. */
	resume(): void;
	close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
	const open = new Set<Socket>();
	let down = false;
	let stalled = false;
	const held: Array<() => void> = [];
	const forward = (from: Socket, to: Socket) =>
		from.on('data', (chunk) => {
			if (stalled) held.push(() => to.write(chunk));
			else to.write(chunk);
		});
	const server: Server = createServer((client) => {
		if (down) return void client.destroy();
		const upstream = connect({ host: '127.0.0.1', port: targetPort });
		for (const s of [client, upstream]) {
			open.add(s);
			s.on('close', () => open.delete(s));
			s.on('error', () => {});
		}
		forward(client, upstream);
		forward(upstream, client);
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		cut() {
			down = true;
			for (const s of open) s.destroy();
		},
		restore() {
			down = false;
		},
		stall() {
			stalled = true;
		},
		resume() {
			stalled = false;
			for (const send of held.splice(0)) send();
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of open) s.destroy();
				server.close(() => resolve());
			})
	};
}

/** Resolves when `check()` holds; checks every 20 ms and gives up after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
