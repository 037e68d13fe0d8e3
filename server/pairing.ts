/**
 * Projector pairing in the manner of the OAuth device flow (RFC 8628), and one-time facilitator
 * invites. Both use short codes (short-code.ts) behind a CodeStore; no answer tells whether a group
 * or a code exists, and no credential is ever stored: a paired projector's credential is the token it
 * was given when it asked for a code, and the server keeps only its hash.
 */
import express from 'express';
import type { IncomingMessage } from 'node:http';
import { ERROR_CODE, ROLE, type Device, type InviteCode, type ProtocolError, type RoomState } from '../src/lib/protocol/protocol.ts';
import { PAIRING_BODY, POLL_BODY, REDEEM_BODY } from '../src/lib/protocol/requests.ts';
import { check } from '../src/lib/protocol/schema.ts';
import { CODE_KIND, type CodeStore } from './codes/code-store.ts';
import { MAX_WRONG_TRIES, hashSecret, newShortCode, parseShortCode } from './codes/short-code.ts';
import { hashCredential, newCredential, newDeviceId, sameHash } from './credentials.ts';
import { allowed, type Limiters } from './limits.ts';
import type { Logger } from './log.ts';
import { CODE_REFUSED, admitInvited } from './rooms.ts';
import type { RoomStore } from './store/room-store.ts';

const PAIRING_TTL_S = 600;
const INVITE_TTL_S = 600;
const POLL_INTERVAL_MS = 2000;

export interface PairingDeps {
	store: RoomStore;
	codes: CodeStore;
	limiters: Limiters;
	log: Logger;
	now: () => number;
	publicUrl: string | undefined;
	addressOf: (req: IncomingMessage) => string;
}

export const SLOW_DOWN: ProtocolError = { code: ERROR_CODE.rateLimited, message: 'Too many tries from here. Wait a few minutes.' };
/** The same limit met by `device.pair` over a socket: final, so the page's outbox does not keep guessing. */
export const TOO_MANY_TRIES: ProtocolError = { code: ERROR_CODE.tooManyTries, message: 'Too many codes tried from here. Wait a few minutes, then type it again.' };
const UNREADABLE: ProtocolError = { code: ERROR_CODE.invalidPayload, message: 'Send plain JSON data.' };

/** Makes a code record under a fresh id (retrying the rare id collision). */
async function issueCode(codes: CodeStore, kind: (typeof CODE_KIND)[keyof typeof CODE_KIND], data: Record<string, string | null>, ttlS: number) {
	for (let i = 0; i < 5; i++) {
		const code = newShortCode();
		if (await codes.create(kind, code.id, { secretHash: hashSecret(code.secret), attempts: 0, data }, ttlS)) return code;
	}
	throw new Error('could not find a free code');
}

/** Checks a typed code, counting a wrong try against the code and the address (or device). */
export async function checkCode(deps: PairingDeps, kind: 'pairing' | 'invite', typed: string, who: string, consume: boolean) {
	if (!(await allowed(deps.limiters.guess, who))) return { ok: false as const, error: SLOW_DOWN };
	const parsed = parseShortCode(typed);
	if (!parsed) return { ok: false as const, error: CODE_REFUSED };
	const tried = await deps.codes.attempt(kind, parsed.id, hashSecret(parsed.secret), MAX_WRONG_TRIES, consume);
	if (!tried.ok) return { ok: false as const, error: CODE_REFUSED };
	return { ok: true as const, id: parsed.id, record: tried.record };
}

/** `invite.create`: a code for the inviting device, and the pending invite the group lists. */
export async function issueInvite(deps: PairingDeps, groupId: string, label: string) {
	const inviteId = `i${newDeviceId().slice(1)}`;
	const expiresAt = deps.now() + INVITE_TTL_S * 1000;
	const code = await issueCode(deps.codes, CODE_KIND.invite, { groupId, inviteId, label }, INVITE_TTL_S);
	const invite: InviteCode = { code: code.display, expiresAt };
	return { invite, pending: { id: inviteId, label, expiresAt }, codeId: code.id };
}

export function pairingRoutes(deps: PairingDeps & { onAdmitted: (state: RoomState) => void }): express.Router {
	const router = express.Router();
	const json = express.json({ limit: 1024 });

	// A projector with no credential asks for a code to show, sending the public key it wants the
	// group key wrapped for.
	router.post('/api/pairings', json, async (req, res) => {
		if (!(await allowed(deps.limiters.code, deps.addressOf(req)))) return void res.status(429).json({ error: SLOW_DOWN });
		// no body at all (no JSON content type) is taken as {}
		const body = check(PAIRING_BODY, req.body ?? {}, UNREADABLE);
		if (!body.ok) return void res.status(400).json({ error: body.error });
		const publicKey = body.value.publicKey ?? null;
		const token = newCredential();
		const code = await issueCode(deps.codes, CODE_KIND.pairing, { tokenHash: hashCredential(token), groupId: null, publicKey }, PAIRING_TTL_S);
		deps.log.info('pairing.started');
		res.status(201).json({ code: code.display, token, expiresAt: deps.now() + PAIRING_TTL_S * 1000, pollIntervalMs: POLL_INTERVAL_MS });
	});

	// The projector asks, every few seconds, whether a facilitator approved its code.
	router.post('/api/pairings/poll', json, async (req, res) => {
		if (!(await allowed(deps.limiters.poll, deps.addressOf(req)))) return void res.status(429).json({ error: SLOW_DOWN });
		const body = check(POLL_BODY, req.body, UNREADABLE);
		if (!body.ok) return void res.status(400).json({ error: body.error });
		const { code, token } = body.value;
		const expired = () => void res.json({ status: 'expired' });
		const parsed = parseShortCode(code);
		const record = parsed && (await deps.codes.get(CODE_KIND.pairing, parsed.id));
		if (!parsed || !record || !sameHash(String(record.data.tokenHash), hashCredential(token))) return expired();
		// approved once the approving device has handed over the key (or said it has none)
		if (!record.data.groupId || !record.data.keyDone) return void res.json({ status: 'pending' });
		await deps.codes.delete(CODE_KIND.pairing, parsed.id);
		res.json({ status: 'approved', groupId: record.data.groupId, wrappedKey: record.data.wrappedKey ?? null });
	});

	// A second facilitator's device redeems an invite code once, and gets its own credential.
	router.post('/api/invites/redeem', json, async (req, res) => {
		const body = check(REDEEM_BODY, req.body, UNREADABLE);
		if (!body.ok) return void res.status(400).json({ error: body.error });
		const publicKey = body.value.publicKey ?? null;
		const checked = await checkCode(deps, 'invite', body.value.code, deps.addressOf(req), true);
		if (!checked.ok) return void res.status(checked.error === SLOW_DOWN ? 429 : 400).json({ error: checked.error });
		const { groupId, inviteId, label } = checked.record.data as Record<string, string>;
		const credential = newCredential();
		const device: Device = { id: newDeviceId(), role: ROLE.facilitator, label, createdAt: deps.now(), publicKey, wrappedKey: null };
		const outcome = await deps.store.update(groupId, (room) => admitInvited(room, device, hashCredential(credential), inviteId));
		if (!outcome.found || !outcome.result) return void res.status(400).json({ error: CODE_REFUSED });
		deps.log.info('invite.redeemed', { groupId });
		deps.onAdmitted(outcome.result);
		const origin = deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
		const link = (kind: string) => `${origin}/g/${groupId}/${kind}#key=${encodeURIComponent(credential)}`;
		res.status(201).json({ groupId, deviceId: device.id, links: { remote: link('remote'), desk: link('desk') } });
	});
	return router;
}
