/**
 * Times and days in words, in a page's language and the group's time zone. Pure: the instant is
 * passed in (each screen derives it from its own clock; it is never stored or sent).
 */
import type { GroupInfo } from '../protocol/protocol.ts';
import { clockView, minutesLeft, zonedParts } from '../room/schedule.ts';
import type { Messages } from './en.ts';

const MS_PER_MIN = 60_000;
/** Between sessions, count down to the start only when it is this near. */
const COUNTDOWN_FROM_MS = 60 * MS_PER_MIN;

const formats = new Map<string, Intl.DateTimeFormat>();

export function timeOf(instant: number, timeZone: string | undefined, m: Messages): string {
	const key = `${m.locale}|${timeZone ?? ''}`;
	let f = formats.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(m.locale, { hour: 'numeric', minute: '2-digit', timeZone });
		formats.set(key, f);
	}
	// "1:30 pm" rather than "1:30 PM": quieter on a big screen; one plain space before it
	const text = f.format(instant).replace(/[\u202f\u00a0]/g, ' ');
	return m.locale.startsWith('en') ? text.replace(/ (AM|PM)$/, (_, ap: string) => ` ${ap.toLowerCase()}`) : text;
}

function weekdayOf(instant: number, timeZone: string, m: Messages): string {
	return m.clock.dayNames[zonedParts(instant, timeZone).weekday];
}

export type Cue = 'none' | 'ten' | 'five' | 'over';

export interface ClockWords {
	/** The time now. */
	time: string;
	/** During a scheduled session: "42 min left, until 2:30 pm"; null while a cue shows (the cue says it). */
	left: string | null;
	/** Whole minutes left, rounded up, the one count both `left` and `cueText` say; null outside a session's meeting. */
	minutesLeft: number | null;
	cue: Cue;
	/** The cue in words, with the live count ("9 minutes left"), or null. */
	cueText: string | null;
	/** Between sessions: "Next: Monday 1:30 pm" or "Today 1:30 pm – 2:30 pm". */
	next: string | null;
	/** "Starts in 12 min", when the next meeting is near. */
	startsIn: string | null;
}

export function describeClock(group: GroupInfo, startedAt: number | null, now: number, m: Messages): ClockWords {
	const zone = group.schedule?.timeZone;
	const words: ClockWords = { time: timeOf(now, zone, m), left: null, minutesLeft: null, cue: 'none', cueText: null, next: null, startsIn: null };
	const view = clockView(group.schedule, now, startedAt);
	if (view.mode === 'unscheduled' || !zone) return words;
	if (view.mode === 'before' && startedAt !== null) {
		// a session started a little early: what counts now is its scheduled end, not its start
		const minutes = minutesLeft(view.meeting.end - now);
		words.minutesLeft = minutes;
		words.left = `${m.clock.left(minutes)}, ${m.clock.until(timeOf(view.meeting.end, zone, m))}`;
		return words;
	}
	if (view.mode === 'before') {
		const minutes = Math.ceil(view.msToStart / MS_PER_MIN);
		if (view.msToStart <= COUNTDOWN_FROM_MS) words.startsIn = m.clock.startsIn(minutes);
		if (startedAt === null) words.next = m.clock.next(`${weekdayOf(view.meeting.start, zone, m)} ${timeOf(view.meeting.start, zone, m)}`);
		return words;
	}
	if (startedAt === null) {
		words.next = m.clock.today(timeOf(view.meeting.start, zone, m), timeOf(view.meeting.end, zone, m));
		return words;
	}
	const minutes = view.minutesLeft;
	words.minutesLeft = minutes;
	words.cue = view.cue;
	if (view.cue === 'none') words.left = `${m.clock.left(minutes)}, ${m.clock.until(timeOf(view.meeting.end, zone, m))}`;
	else words.cueText = view.cue === 'over' ? m.clock.cue.over : m.clock.cue[view.cue](minutes);
	return words;
}
