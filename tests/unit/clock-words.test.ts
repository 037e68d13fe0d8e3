import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { es } from '../../src/lib/i18n/es.ts';
import { describeClock } from '../../src/lib/i18n/when.ts';
import type { GroupInfo } from '../../src/lib/protocol/protocol.ts';
import { zonedInstant } from '../../src/lib/room/schedule.ts';

// The seed's group: Monday, Wednesday and Friday, 1:30-2:30pm, in San Francisco
const group: GroupInfo = {
	name: 'Monday drop-in',
	schedule: { days: ['mon', 'wed', 'fri'], start: '13:30', end: '14:30', timeZone: 'America/Los_Angeles' },
	openingWords: null,
	agreements: null,
	language: 'en',
	topics: [],
	lastSession: null,
	records: []
};
const sf = (d: number, h: number, mi: number) => zonedInstant(2026, 11, d, h, mi, 'America/Los_Angeles');

describe('the clock in words (display, remote, desk)', () => {
	it('between sessions: the next session, and a countdown only in the last hour', () => {
		expect(describeClock(group, null, sf(23, 13, 18), en)).toMatchObject({
			time: '1:18 pm',
			next: 'Next: Monday 1:30 pm',
			startsIn: 'Starts in 12 min',
			cue: 'none'
		});
		expect(describeClock(group, null, sf(23, 18, 0), en)).toMatchObject({ next: 'Next: Wednesday 1:30 pm', startsIn: null });
		expect(describeClock(group, null, sf(23, 13, 18), es)).toMatchObject({ next: expect.stringMatching(/^Próxima reunión: lunes 1:30 p\.\s?m\.$/), startsIn: 'Empieza en 12 min' });
	});

	it('[R62] during a session: the time left, then the gentle cues at 10 and 5 minutes and at time', () => {
		const started = sf(23, 13, 31);
		expect(describeClock(group, started, sf(23, 13, 40), en)).toMatchObject({ left: '50 min left, until 2:30 pm', minutesLeft: 50, cueText: null });
		expect(describeClock(group, started, sf(23, 14, 20), en)).toMatchObject({ cue: 'ten', cueText: '10 minutes left', left: null });
		expect(describeClock(group, started, sf(23, 14, 26), en)).toMatchObject({ cue: 'five', cueText: '4 minutes left — time to start wrapping up' });
		expect(describeClock(group, started, sf(23, 14, 29), en).cueText).toBe('1 minute left — time to start wrapping up');
		expect(describeClock(group, started, sf(23, 14, 30), en)).toMatchObject({ cue: 'over', cueText: "We're at time", left: null, minutesLeft: 0 });
		expect(describeClock(group, started, sf(23, 14, 25), es).cueText).toBe('Quedan 5 minutos: es hora de ir cerrando');
		expect(describeClock(group, started, sf(23, 14, 29), es).cueText).toBe('Queda 1 minuto: es hora de ir cerrando');
	});

	it('[R62] the cue and the clock say one count of minutes left, second by second through the last quarter hour', () => {
		const started = sf(23, 13, 31);
		const end = sf(23, 14, 30);
		for (let ms = 15 * 60_000; ms >= -30_000; ms -= 7_000) {
			const words = describeClock(group, started, end - ms, en);
			const said = [words.left, words.cueText].filter((text) => text !== null);
			expect(said, 'one of them speaks at a time').toHaveLength(1);
			const count = said[0]!.match(/^(\d+) min/)?.[1];
			if (ms > 0) expect(Number(count), `${ms} ms before the end`).toBe(words.minutesLeft);
			else expect(words.cueText).toBe("We're at time");
			// the cue comes exactly when the count reaches 10, and turns at 5
			expect(words.cue).toBe(ms <= 0 ? 'over' : words.minutesLeft! <= 5 ? 'five' : words.minutesLeft! <= 10 ? 'ten' : 'none');
		}
	});

	it('a session started early counts down to its scheduled end, never "Starts in"', () => {
		const started = sf(23, 13, 15);
		const words = describeClock(group, started, sf(23, 13, 20), en);
		expect(words).toMatchObject({ left: '70 min left, until 2:30 pm', minutesLeft: 70, startsIn: null, next: null, cue: 'none' });
	});

	it('a session outside the schedule, or a group without one, shows just the time', () => {
		const words = describeClock(group, sf(24, 10, 0), sf(24, 10, 30), en);
		expect(words).toEqual({ time: '10:30 am', left: null, minutesLeft: null, cue: 'none', cueText: null, next: null, startsIn: null });
		expect(describeClock({ ...group, schedule: null }, null, sf(23, 13, 18), en)).toMatchObject({ next: null, startsIn: null, cue: 'none' });
	});
});
