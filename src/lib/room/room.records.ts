/**
 * [R53] Records for funders: the counts of each past session (start, end, arrivals, peak, still here),
 * never a name or a word, kept for a retention the operator sets.
 */
import type { GroupInfo, SessionRecord } from '../protocol/protocol.ts';

const MS_PER_DAY = 24 * 3600 * 1000;
/** The default retention: 13 months (396 days), a year's report and the month it is written in. */
export const RECORDS_RETENTION_DAYS = 396;

/** A retention in days (RECORDS_RETENTION_DAYS) as the rules take it. */
export const retentionMs = (days: number) => days * MS_PER_DAY;
export const RECORDS_RETENTION_MS = retentionMs(RECORDS_RETENTION_DAYS);

/** The records that ended within the retention, oldest first. */
export function recordsWithin(records: readonly SessionRecord[], now: number, retentionMs: number): SessionRecord[] {
	const kept = records.filter((r) => now - r.endedAt <= retentionMs);
	return kept.length === records.length ? (records as SessionRecord[]) : kept;
}

/** The group without the records past the retention (the same object when none is). */
export function withinRetention(group: GroupInfo, now: number, retentionMs: number): GroupInfo {
	const records = recordsWithin(group.records, now, retentionMs);
	const stale = group.lastSession !== null && now - group.lastSession.endedAt > retentionMs;
	if (records === group.records && !stale) return group;
	return { ...group, records, lastSession: stale ? null : group.lastSession };
}

/** The group without one record (`null`: without any); the last session goes with its record. */
export function withoutRecords(group: GroupInfo, recordId: string | null): GroupInfo {
	const records = recordId === null ? [] : group.records.filter((r) => r.id !== recordId);
	const lastSession = recordId === null || group.lastSession?.id === recordId ? null : group.lastSession;
	return { ...group, records, lastSession };
}
