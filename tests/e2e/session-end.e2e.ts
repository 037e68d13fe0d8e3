/**
 * After the session: parked topics carried into topics for next time [R54][R77], and the records for
 * funders on the desk, downloaded as CSV and deleted [R53][R78].
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { MONDAY, createGroup, domWords, expectSettled, openDevices, sendAllWithLink, type Devices } from './helpers.ts';
import type { CommandInput, CreateGroupResponse } from '../../src/lib/protocol/protocol.ts';

let devices: Devices;
let group: CreateGroupResponse;

test.beforeEach(async ({ browser, request }) => {
	group = await createGroup(request, 'Monday drop-in');
	devices = await openDevices(browser, group);
});

test.afterEach(async () => {
	await devices.close();
});

const PARKED = ['Medical marijuana: what are the benefits?', 'Safer smoking supplies', 'Fentanyl test strips'];
const topicsFor = (page: Page, prefix: 'remote' | 'desk') => page.getByTestId(`${prefix}-topics`).locator('li');

test('[R54][R77] End session keeps the parked topics ticked, as topics for next time; the rest is wiped', async () => {
	const { remote, desk, display } = devices;
	await sendAllWithLink(group.links.remote, [
		{ type: 'session.start' },
		{ type: 'speaker.set', name: 'Kyle' },
		...PARKED.map((text): CommandInput => ({ type: 'parkingLot.add', text })),
		...Array.from({ length: 18 }, (_, i): CommandInput => ({ type: 'topics.add', text: `Topic asked before ${i + 1}` }))
	]);
	await expect(remote.getByTestId('remote-parking-lot').locator('li')).toHaveCount(3);

	await test.step('asked first, with the parked topics to tick; no more than topics for next time have room for', async () => {
		await remote.getByTestId('session-end').tap();
		const carry = remote.getByTestId('carry');
		await expect(carry).toContainText('Keep parked topics for next time?');
		const box = (text: string) => carry.getByRole('checkbox', { name: text });
		await box(PARKED[0]).check();
		await box(PARKED[2]).check();
		// 18 topics already: room for 2 [R33]
		await expect(box(PARKED[1])).toBeDisabled();
		await expect(carry).toContainText('Topics for next time hold at most 20');
		await box(PARKED[2]).uncheck();
		await expect(box(PARKED[1])).toBeEnabled();
		await remote.getByRole('button', { name: 'Yes, end session' }).tap();
	});

	await test.step('the ticked topic is kept for next time, on both devices; the others are gone from every screen', async () => {
		await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');
		await expect(remote.getByTestId('topics-fold').locator('summary')).toHaveText(/^Topics for next time\s*·\s*19$/);
		await remote.getByTestId('topics-fold').locator('summary').tap();
		await expect(topicsFor(remote, 'remote').filter({ hasText: PARKED[0] })).toHaveCount(1);
		await expect(topicsFor(desk, 'desk')).toHaveCount(19);
		await expect(topicsFor(desk, 'desk').last()).toContainText(PARKED[0]);
		for (const page of [display, remote, desk]) {
			const words = await domWords(page);
			for (const gone of [PARKED[1], PARKED[2], 'Kyle']) expect(words, `"${gone}" is wiped`).not.toContain(gone);
		}
	});
	await expectSettled(remote);
});

test('[R53][R78] records for funders: listed on the desk, downloaded as CSV with counts only, deleted one and all', async () => {
	const { remote, desk } = devices;
	const people = (n: number): CommandInput[] => Array.from({ length: n }, () => ({ type: 'headcount.arrive' }));
	// two sessions of the Monday group: names were given, only counts are kept
	await sendAllWithLink(group.links.remote, [
		{ type: 'session.start' },
		...MONDAY.map((name): CommandInput => ({ type: 'queue.add', name })),
		...people(8),
		{ type: 'headcount.leave' },
		{ type: 'session.end' },
		{ type: 'session.start' },
		{ type: 'speaker.set', name: 'Casey' },
		...people(13),
		{ type: 'headcount.leave' },
		{ type: 'headcount.leave' },
		{ type: 'session.end' }
	]);
	await expect(remote.getByTestId('last-session').getByTestId('last-arrivals')).toHaveText('13');

	const records = desk.getByTestId('records');
	await records.locator('summary').click();
	const rows = records.getByTestId('record');
	await expect(rows).toHaveCount(2);
	await expect(records.getByTestId('records-retention')).toHaveText('Kept 13 months, then deleted.');
	// newest first, as the rest of the app writes times: "1:30 pm"
	await expect(rows.first().locator('td')).toHaveText([/^\d{1,2}:\d{2} (am|pm)$/, /^\d{1,2}:\d{2} (am|pm)$/, '13', '13', '11', /Delete/]);
	await expect(rows.last().locator('td').nth(2)).toHaveText('8');

	await test.step('the CSV, made in the page: six columns, one line a session, oldest first, never a name', async () => {
		const [download] = await Promise.all([desk.waitForEvent('download'), records.getByTestId('records-download').click()]);
		expect(download.suggestedFilename()).toMatch(/^roomcast-records-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = await readFile(await download.path(), 'utf8');
		const lines = csv.trim().split(/\r\n/);
		expect(lines[0]).toBe('date,start,end,arrivals,peak,still_here');
		expect(lines).toHaveLength(3);
		const counts = lines.slice(1).map((line) => line.split(',').slice(3).map(Number));
		expect(counts).toEqual([
			[8, 8, 7],
			[13, 13, 11]
		]);
		for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2},\d{2}:\d{2},\d{2}:\d{2},\d+,\d+,\d+$/);
		for (const name of MONDAY) expect(csv).not.toContain(name);
	});

	await test.step('delete one (asked first), then all', async () => {
		await rows.first().getByRole('button', { name: 'Delete' }).click();
		await expect(rows.first()).toContainText(/Delete the record of \w+, \w+ \d+, \d{4}\?/);
		await rows.first().getByRole('button', { name: 'Yes, delete' }).click();
		await expect(rows).toHaveCount(1);
		await expect(rows.first().locator('td').nth(2)).toHaveText('8');
		// the newest went, so the phone's "last session" goes too [R53]
		await expect(remote.getByTestId('last-session')).toHaveCount(0);

		await records.getByRole('button', { name: 'Delete all records' }).click();
		await records.getByRole('button', { name: 'Yes, delete all' }).click();
		await expect(records.getByTestId('records-none')).toBeVisible();
		await expect(rows).toHaveCount(0);
	});
	await expectSettled(desk);
});
