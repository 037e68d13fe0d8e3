import type { CreateGroupResponse, ProtocolError } from '../../protocol/protocol.ts';
import { RoomConnection } from '../../client/room-connection.svelte.ts';
import { withGroupKey } from '../../client/group-key.ts';
import { newGroupKey } from '../../crypto/text-format.ts';
import { t } from '../../i18n/onboarding.svelte.ts';

export type CreateGroupResult = { ok: true; group: CreateGroupResponse } | { ok: false; message: string };

/**
 * What the server stores as the name until the sealed name replaces it: it cannot be sealed before
 * the group (whose id seals it) exists.
 */
const NAME_PLACEHOLDER = '…';
const RENAME_TIMEOUT_MS = 10_000;

/**
 * Makes a group whose texts the server never reads [R49]: a fresh group key made here, the group made
 * with a placeholder name, then renamed with the name sealed under that key; the links carry the key
 * in their fragment (`&k=`).
 */
export async function createGroup(name: string): Promise<CreateGroupResult> {
	let response: Response;
	try {
		response = await fetch('/api/groups', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: name ? NAME_PLACEHOLDER : '' })
		});
	} catch {
		return { ok: false, message: t.home.networkError };
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok || !isCreated(body)) {
		const error = (body as { error?: Partial<ProtocolError> } | null)?.error;
		return { ok: false, message: typeof error?.message === 'string' ? error.message : t.home.unexpected };
	}
	const groupKey = newGroupKey();
	const remoteKey = new URLSearchParams(new URL(body.links.remote).hash.slice(1)).get('key') ?? '';
	const renamed = await sealName(body.groupId, remoteKey, groupKey, name);
	if (!renamed) return { ok: false, message: t.home.networkError };
	const links = {
		remote: withGroupKey(body.links.remote, groupKey),
		desk: withGroupKey(body.links.desk, groupKey),
		display: withGroupKey(body.links.display, groupKey)
	};
	return { ok: true, group: { ...body, links } };
}

async function sealName(groupId: string, credential: string, groupKey: Uint8Array, name: string): Promise<boolean> {
	const conn = new RoomConnection(groupId, credential, { groupKey });
	const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), RENAME_TIMEOUT_MS));
	try {
		const ack = await Promise.race([conn.send({ type: 'group.rename', name }), timeout]);
		return ack?.ok === true;
	} finally {
		conn.close();
	}
}

function isCreated(body: unknown): body is CreateGroupResponse {
	const links = (body as Partial<CreateGroupResponse> | null)?.links;
	return typeof (body as Partial<CreateGroupResponse>)?.groupId === 'string' && !!links && typeof links.display === 'string';
}
