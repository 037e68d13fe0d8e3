/** [R78] The records for funders as a CSV: counts only, dates and times in the group's time zone. */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, recordsCsv, zonedStamp } from '../../src/lib/components/desk/records-csv.ts';
import type { SessionRecord } from '../../src/lib/protocol/protocol.ts';

// Monday 23 November 2026, 1:30-2:30 pm in Los Angeles (21:30-22:30 UTC); then a Wednesday evening
// group that runs past midnight UTC
const MONDAY: SessionRecord = { id: 's4', startedAt: Date.UTC(2026, 10, 23, 21, 30), endedAt: Date.UTC(2026, 10, 23, 22, 31), arrivals: 13, peak: 13, here: 11 };
const WEDNESDAY: SessionRecord = { id: 's90', startedAt: Date.UTC(2026, 10, 26, 1, 0), endedAt: Date.UTC(2026, 10, 26, 2, 5), arrivals: 4, peak: 3, here: 0 };

describe('[R78] records CSV', () => {
	it('[R78] has the six columns and one line per session, oldest first, in the group\'s time zone', () => {
		const csv = recordsCsv([MONDAY, WEDNESDAY], 'America/Los_Angeles');
		expect(csv.split('\r\n')).toEqual([
			CSV_COLUMNS.join(','),
			'2026-11-23,13:30,14:31,13,13,11',
			'2026-11-25,17:00,18:05,4,3,0',
			''
		]);
		expect(CSV_COLUMNS).toEqual(['date', 'start', 'end', 'arrivals', 'peak', 'still_here']);
	});

	it('[R78] holds nothing but dates, times and counts', () => {
		const csv = recordsCsv([MONDAY, WEDNESDAY], 'Europe/Madrid');
		for (const line of csv.trim().split('\r\n').slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2},\d{2}:\d{2},\d{2}:\d{2},\d+,\d+,\d+$/);
		expect(csv).not.toContain('s4');
	});

	it('[R78] an empty list is the header alone; a zone-less group uses this device\'s zone', () => {
		expect(recordsCsv([], 'UTC')).toBe('date,start,end,arrivals,peak,still_here\r\n');
		expect(zonedStamp(MONDAY.startedAt, 'UTC')).toEqual({ date: '2026-11-23', time: '21:30' });
		expect(zonedStamp(Date.UTC(2026, 0, 1, 0, 5), 'Asia/Kolkata')).toEqual({ date: '2026-01-01', time: '05:35' });
	});
});
