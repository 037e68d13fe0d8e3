import { describe, expect, it } from 'vitest';
import { clockView, currentOrNextMeeting, isTimeZone, minutesLeft, zonedInstant, zonedParts, type Schedule } from '../../src/lib/room/schedule.ts';

// The seed's group: Monday, Wednesday and Friday, 1:30-2:30pm, in San Francisco
const monWedFri: Schedule = { days: ['mon', 'wed', 'fri'], start: '13:30', end: '14:30', timeZone: 'America/Los_Angeles' };
const sf = (y: number, mo: number, d: number, h: number, mi: number) => zonedInstant(y, mo, d, h, mi, 'America/Los_Angeles');
const MIN = 60_000;

describe('schedule', () => {
	it('converts wall-clock time in a zone to an instant and back, across daylight saving', () => {
		expect(sf(2026, 11, 23, 13, 30)).toBe(Date.UTC(2026, 10, 23, 21, 30)); // PST, UTC-8
		expect(sf(2026, 7, 6, 13, 30)).toBe(Date.UTC(2026, 6, 6, 20, 30)); // PDT, UTC-7
		expect(zonedParts(Date.UTC(2026, 10, 23, 21, 30), 'America/Los_Angeles')).toMatchObject({ weekday: 'mon', hour: 13, minute: 30 });
	});

	it('finds the meeting under way, else the next one on a scheduled day', () => {
		const monday = sf(2026, 11, 23, 14, 0);
		expect(currentOrNextMeeting(monWedFri, monday)).toEqual({ start: sf(2026, 11, 23, 13, 30), end: sf(2026, 11, 23, 14, 30) });
		const mondayEvening = sf(2026, 11, 23, 18, 0);
		expect(currentOrNextMeeting(monWedFri, mondayEvening)!.start).toBe(sf(2026, 11, 25, 13, 30));
		const saturday = sf(2026, 11, 28, 10, 0);
		expect(currentOrNextMeeting(monWedFri, saturday)!.start).toBe(sf(2026, 11, 30, 13, 30));
		expect(currentOrNextMeeting(null, monday)).toBeNull();
		expect(currentOrNextMeeting({ ...monWedFri, days: [] }, monday)).toBeNull();
	});

	it('counts down to the start, then gives time left with cues at 10 and 5 minutes', () => {
		expect(clockView(monWedFri, sf(2026, 11, 23, 13, 20))).toMatchObject({ mode: 'before', msToStart: 10 * MIN });
		expect(clockView(monWedFri, sf(2026, 11, 23, 13, 30))).toMatchObject({ mode: 'during', msLeft: 60 * MIN, cue: 'none' });
		expect(clockView(monWedFri, sf(2026, 11, 23, 14, 19))).toMatchObject({ cue: 'none' });
		expect(clockView(monWedFri, sf(2026, 11, 23, 14, 20))).toMatchObject({ cue: 'ten' });
		expect(clockView(monWedFri, sf(2026, 11, 23, 14, 25))).toMatchObject({ cue: 'five', minutesLeft: 5 });
		// 9 min 30 s left is still "10 minutes": the cue is judged on the count the clock shows
		expect(clockView(monWedFri, sf(2026, 11, 23, 14, 20) + 30_000)).toMatchObject({ cue: 'ten', minutesLeft: 10 });
		expect(clockView(monWedFri, sf(2026, 11, 23, 14, 25) - 1)).toMatchObject({ cue: 'ten', minutesLeft: 6 });
		expect(clockView(null, 0)).toEqual({ mode: 'unscheduled' });
	});

	it('[R62] counts whole minutes left, rounded up, and none at the end', () => {
		expect(minutesLeft(10 * MIN)).toBe(10);
		expect(minutesLeft(9 * MIN + 1)).toBe(10);
		expect(minutesLeft(9 * MIN)).toBe(9);
		expect(minutesLeft(1)).toBe(1);
		expect(minutesLeft(0)).toBe(0);
		expect(minutesLeft(-MIN)).toBe(0);
	});

	it('during a session, counts to the end of the meeting it belongs to, and says when time is over', () => {
		const startedAt = sf(2026, 11, 23, 13, 25);
		expect(clockView(monWedFri, sf(2026, 11, 23, 13, 28), startedAt)).toMatchObject({ mode: 'before', msToStart: 2 * MIN });
		expect(clockView(monWedFri, sf(2026, 11, 23, 14, 31), startedAt)).toMatchObject({ mode: 'during', cue: 'over' });
		// an ad-hoc session on a Tuesday evening has no scheduled end
		expect(clockView(monWedFri, sf(2026, 11, 24, 19, 0), sf(2026, 11, 24, 18, 0))).toEqual({ mode: 'unscheduled' });
	});

	it('handles a meeting that runs past midnight', () => {
		const late: Schedule = { days: ['fri'], start: '23:30', end: '00:30', timeZone: 'Europe/Madrid' };
		const m = currentOrNextMeeting(late, zonedInstant(2026, 11, 27, 23, 45, 'Europe/Madrid'))!;
		expect(m.end - m.start).toBe(60 * MIN);
	});

	it('knows a real time zone from a made-up one', () => {
		expect(isTimeZone('America/Los_Angeles')).toBe(true);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
	});
});
