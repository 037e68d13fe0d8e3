import type { CreateGroupResponse, ProtocolError } from '../../protocol/protocol.ts';
import { t } from '../../i18n/index.ts';

export type CreateGroupResult = { ok: true; group: CreateGroupResponse } | { ok: false; message: string };

/** `POST /api/groups`, with every failure turned into a sentence for the page. */
export async function createGroup(name: string): Promise<CreateGroupResult> {
	let response: Response;
	try {
		response = await fetch('/api/groups', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name })
		});
	} catch {
		return { ok: false, message: t.home.networkError };
	}
	const body: unknown = await response.json().catch(() => null);
	if (response.ok && isCreated(body)) return { ok: true, group: body };
	const error = (body as { error?: Partial<ProtocolError> } | null)?.error;
	return { ok: false, message: typeof error?.message === 'string' ? error.message : t.home.unexpected };
}

function isCreated(body: unknown): body is CreateGroupResponse {
	const links = (body as Partial<CreateGroupResponse> | null)?.links;
	return typeof (body as Partial<CreateGroupResponse>)?.groupId === 'string' && !!links && typeof links.display === 'string';
}
