/**
 * [R53] The records for funders: facilitators ask for them (no snapshot carries them, so the counts of
 * a year of sessions do not ride along with every tap); a display never gets them.
 */
import { ERROR_CODE, ROLE, type ProtocolError, type RecordsReply, type SocketData } from '../src/lib/protocol/protocol.ts';
import { RECORDS_QUERY } from '../src/lib/protocol/requests.ts';
import { check } from '../src/lib/protocol/schema.ts';
import { recordsWithin, retentionMs } from '../src/lib/room/room.records.ts';
import type { Deps } from './app.ts';
import { allowed } from './limits.ts';
import { StoreUnavailableError } from './store/room-store.ts';

const EMPTY_ONLY: ProtocolError = { code: ERROR_CODE.invalidPayload, message: 'The records request takes an empty object: {}.' };

export async function answerRecords(deps: Deps, who: SocketData, query: unknown): Promise<RecordsReply> {
	// the role first, as for commands [R2]: a display is refused forbidden whatever it sends
	if (who.role !== ROLE.facilitator) return { ok: false, error: { code: ERROR_CODE.forbidden, message: 'This screen cannot see the records.' } };
	const checked = check(RECORDS_QUERY, query, EMPTY_ONLY, () => EMPTY_ONLY);
	if (!checked.ok) return checked;
	if (!(await allowed(deps.limiters.command, who.deviceId)))
		return { ok: false, error: { code: ERROR_CODE.rateLimited, message: 'Too many requests from this device. Try again in a moment.' } };
	try {
		const room = await deps.store.load(who.groupId);
		// [R42] a device removed a moment ago gets nothing, even before its socket is closed
		if (!room?.state.devices.some((d) => d.id === who.deviceId && d.role === ROLE.facilitator))
			return { ok: false, error: { code: ERROR_CODE.forbidden, message: 'This device is no longer part of the group.' } };
		const retentionDays = deps.recordsRetentionDays;
		return { ok: true, records: recordsWithin(room.state.group.records, deps.now(), retentionMs(retentionDays)), retentionDays };
	} catch (error) {
		if (!(error instanceof StoreUnavailableError)) throw error;
		return { ok: false, error: { code: ERROR_CODE.unavailable, message: 'The server cannot reach its store right now. Try again.' } };
	}
}
