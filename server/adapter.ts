/**
 * The Socket.IO adapter that carries broadcasts between server nodes: the sharded Redis adapter, with
 * two changes to its hot path (issue 7; measured in tests/bench):
 *
 * - **This node's sockets first.** The stock ClusterAdapter waits for the SPUBLISH round trip before
 *   it delivers to the sockets of its own node, which put a second Redis round trip between a tap and
 *   the projectors in the room. Here local delivery happens at once and the copy for the other nodes
 *   is published right after, without waiting for Redis. Order holds: local deliveries happen in call
 *   order, and every message to the other nodes goes out on one connection, in call order. A failed publish is what it was before:
 *   the other nodes miss that snapshot (their devices get the next one, or a full one on reconnect).
 * - **Its own echo unread.** A node subscribes to the rooms of the sockets it serves, so every one of
 *   its broadcasts comes back to it through Redis, where the stock adapter parses the whole message
 *   only to find its own id in it and drop it. Messages are JSON that ends in `"uid":…,"nsp":…}` (the
 *   last two keys the ClusterAdapter sets), so the echo is recognised by that suffix and dropped
 *   unparsed. Inside a JSON value the same characters would be escaped, so nothing else can end so.
 *
 * Both reach into @socket.io/redis-adapter 8.3 and socket.io-adapter 2.5 (pinned in package.json);
 * tests/server/adapter.server.test.ts fails if an upgrade changes what they rely on.
 */
import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Server } from 'socket.io';
import { Adapter, MessageType, type BroadcastOptions } from 'socket.io-adapter';
import type { RedisConnection } from './redis.ts';

type AdapterFactory = Extract<Parameters<Server['adapter']>[0], (...args: never[]) => unknown>;
type Namespace = Parameters<AdapterFactory>[0];

/** What the wrapper uses of the adapter instance (public or protected members of ClusterAdapter). */
interface ClusterInternals {
	uid: string;
	broadcast(packet: unknown, opts: BroadcastOptions): void;
	publish(message: { type: MessageType; data: unknown }): void;
	onRawMessage(raw: Buffer, channel: Buffer | string): void;
}

export function createRoomcastAdapter(pub: RedisConnection, sub: RedisConnection, channelPrefix: string): AdapterFactory {
	const sharded = createShardedAdapter(pub, sub, { channelPrefix });
	// Socket.IO calls it with `new`: a function (not an arrow) whose returned object stands as the instance.
	return function roomcastAdapter(nsp: Namespace) {
		const adapter = sharded(nsp);
		const internals = adapter as unknown as ClusterInternals;
		if (!(adapter instanceof Adapter) || typeof internals.uid !== 'string' || typeof internals.publish !== 'function' || typeof internals.onRawMessage !== 'function')
			throw new Error('@socket.io/redis-adapter changed: server/adapter.ts needs a look');
		const localBroadcast = Adapter.prototype.broadcast as ClusterInternals['broadcast'];
		internals.broadcast = (packet, opts) => {
			localBroadcast.call(adapter, packet, opts);
			if (opts.flags?.local) return;
			// at once, not deferred: it must keep its place among the node's other messages (a revocation's
			// 'revoked' goes out before the disconnect that follows it)
			internals.publish({ type: MessageType.BROADCAST, data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } } });
		};
		const ownSuffix = Buffer.from(`,"uid":${JSON.stringify(internals.uid)},"nsp":${JSON.stringify(nsp.name)}}`);
		const onRawMessage = internals.onRawMessage.bind(adapter);
		internals.onRawMessage = (raw, channel) => {
			if (isOwnMessage(raw, ownSuffix)) return;
			onRawMessage(raw, channel);
		};
		return adapter;
	};
}

export function isOwnMessage(raw: Buffer, ownSuffix: Buffer): boolean {
	return raw.length > ownSuffix.length && raw[0] === 0x7b && ownSuffix.equals(raw.subarray(raw.length - ownSuffix.length));
}
