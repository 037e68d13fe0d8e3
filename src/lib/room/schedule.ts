/**
 * When the group meets, in the group's own time zone: the next meeting, and where a moment falls
 * relative to it (counting down to the start, time left, the gentle wrap-up cues). Pure: the clock is
 * passed in. Clock ticks are derived on each screen from this and are never stored or broadcast.
 */

import type { Schedule, Weekday } from '../protocol/state.ts';

export type { Schedule, Weekday };

export interface Meeting {
	start: number;
	end: number;
}

/** Minutes before the scheduled end at which the screens cue a gentle wrap-up (ten, then five). */
const WRAP_UP_CUES_MIN = { ten: 10, five: 5 } as const;

export function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

const MS_PER_MIN = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MIN;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(instant: number, timeZone: string) {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
			weekday: 'short'
		});
		formatters.set(timeZone, f);
	}
	const parts: Record<string, string> = {};
	for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
		weekday: parts.weekday.slice(0, 3).toLowerCase() as Weekday
	};
}

/** The instant at which the wall clock in `timeZone` shows this date and time. */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
	const wall = Date.UTC(year, month - 1, day, hour, minute);
	let guess = wall;
	// two passes settle the offset, including across a daylight-saving change
	for (let i = 0; i < 2; i++) {
		const p = zonedParts(guess, timeZone);
		const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
		guess += wall - shown;
	}
	return guess;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The meeting under way at `now`, or else the next one (within a week), or null without a schedule. */
export function currentOrNextMeeting(schedule: Schedule | null, now: number): Meeting | null {
	if (!schedule || schedule.days.length === 0) return null;
	const [startMin, endMin] = [minutesOf(schedule.start), minutesOf(schedule.end)];
	for (let offset = -1; offset <= 7; offset++) {
		const p = zonedParts(now + offset * MS_PER_DAY, schedule.timeZone);
		if (!schedule.days.includes(p.weekday)) continue;
		const at = (min: number) => zonedInstant(p.year, p.month, p.day, Math.floor(min / 60), min % 60, schedule.timeZone);
		const start = at(startMin);
		const end = endMin > startMin ? at(endMin) : start + (endMin + 24 * 60 - startMin) * MS_PER_MIN;
		if (end > now) return { start, end };
	}
	return null;
}

export type ClockView =
	| { mode: 'unscheduled' }
	| { mode: 'before'; meeting: Meeting; msToStart: number }
	| { mode: 'during'; meeting: Meeting; msLeft: number; minutesLeft: number; cue: 'none' | 'ten' | 'five' | 'over' };

/**
 * The one count of minutes left that every screen says, in the clock and in the cues alike: whole
 * minutes, rounded up (9 min 30 s left is "10 min left"), 0 at and past the end.
 */
export function minutesLeft(msLeft: number): number {
	return msLeft <= 0 ? 0 : Math.ceil(msLeft / MS_PER_MIN);
}

/** A session started this long before a scheduled start still belongs to that meeting. */
const EARLY_START_MS = 60 * MS_PER_MIN;

/**
 * What the clock shows at `now`. Between sessions: a countdown to the next meeting. During a session:
 * the time left to the end of the meeting it belongs to, with a cue at 10 and 5 minutes left and
 * "over" at the end. A session started well outside the schedule has no end to count to.
 */
export function clockView(schedule: Schedule | null, now: number, sessionStartedAt: number | null = null): ClockView {
	if (sessionStartedAt === null) {
		const next = currentOrNextMeeting(schedule, now);
		if (!next) return { mode: 'unscheduled' };
		if (now < next.start) return { mode: 'before', meeting: next, msToStart: next.start - now };
		return during(next, now);
	}
	const meeting = currentOrNextMeeting(schedule, sessionStartedAt);
	if (!meeting || meeting.start - sessionStartedAt > EARLY_START_MS) return { mode: 'unscheduled' };
	if (now < meeting.start) return { mode: 'before', meeting, msToStart: meeting.start - now };
	return during(meeting, now);
}

function during(meeting: Meeting, now: number): ClockView {
	const msLeft = meeting.end - now;
	const minutes = minutesLeft(msLeft);
	// from the same count as the words, so a cue and the clock never disagree
	const cue = minutes === 0 ? 'over' : minutes <= WRAP_UP_CUES_MIN.five ? 'five' : minutes <= WRAP_UP_CUES_MIN.ten ? 'ten' : 'none';
	return { mode: 'during', meeting, msLeft, minutesLeft: minutes, cue };
}
