/**
 * [R53] The records for funders as a CSV file, made in the page: one line per past session, oldest
 * first, with the date and times in the group's time zone. Counts only: a record holds no name or
 * word, and neither does the file.
 */
import type { SessionRecord } from '../../protocol/protocol.ts';

export const CSV_COLUMNS = ['date', 'start', 'end', 'arrivals', 'peak', 'still_here'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date ("2026-11-23") and time ("13:30", 24 h: what spreadsheets read) of an instant. */
export function zonedStamp(instant: number, timeZone: string | undefined): { date: string; time: string } {
	const key = timeZone ?? '';
	let f = formats.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
		formats.set(key, f);
	}
	const part = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
	return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

export function recordsCsv(records: readonly SessionRecord[], timeZone: string | undefined): string {
	const lines = records.map((r) => {
		const start = zonedStamp(r.startedAt, timeZone);
		return [start.date, start.time, zonedStamp(r.endedAt, timeZone).time, r.arrivals, r.peak, r.here].join(',');
	});
	return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Offers the file to the browser's downloads: nothing leaves the page. */
export function downloadCsv(csv: string, fileName: string): void {
	const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
