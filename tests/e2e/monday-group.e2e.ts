/**
 * The reference scenario: the Monday group from the case study, set up as a new facilitator would
 * (the group made on the laptop, the phone and the projector got going by scanning QR codes), run
 * from a phone and a laptop and shown on the projector, from doors open to the end of the hour and
 * the records for the funders. Each step checks all the screens that should change. The projector's
 * and the phone's clocks are set with `page.clock`, so the countdown and the wrap-up cues come when
 * the test says, without waiting for them.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
	CONTROLS,
	MONDAY,
	PHONE,
	VIEWPORT,
	domWords,
	expectConnected,
	expectSettled,
	expectTapSize,
	seriousAxeViolations,
	snapshot,
	typeAndEnter,
	type Devices
} from './helpers.ts';
import { scanQr } from './qr.ts';

const MIN = 60_000;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The seed's meeting (1:30-2:30 pm, Monday, Wednesday and Friday) in a whole-hour time zone where the
 * real time now is less than an hour before today's start, so a session the server starts now
 * belongs to today's meeting. Today's weekday joins the three days when it is not one of them.
 */
function seedMeeting(now: number) {
	for (let hours = -12; hours <= 14; hours++) {
		const local = new Date(now + hours * 60 * MIN);
		const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
		if (minutes < 12 * 60 + 30 || minutes >= 13 * 60 + 30) continue;
		// IANA's Etc zones count the other way round: Etc/GMT-5 is five hours ahead of UTC
		const timeZone = hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
		const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 13, 30) - hours * 60 * MIN;
		const today = DAYS[local.getUTCDay()];
		const days = [...new Set<(typeof DAYS)[number]>(['mon', 'wed', 'fri', today])];
		return { timeZone, start, end: start + 60 * MIN, today, dayName: DAY_NAMES[local.getUTCDay()], days };
	}
	throw new Error('every instant has a whole-hour zone where it is between 12:30 and 13:30');
}

const KURT = 'Could lose the apartment, my health, maybe get hurt';
const KELLIE = 'Use the high to clean the apartment';
const TASHA = 'Worried about my health';
const KYLE = 'Gets me away for a while';
const PARKED = 'Medical marijuana: what are the benefits?';
const KURT_GOOD = 'Keeps me awake on the street at night';
const KURT_BAD = "I can't think straight";
const SESSION_WORDS = [...MONDAY, KURT, KELLIE, TASHA, KYLE, PARKED, KURT_GOOD, KURT_BAD, 'Speed'];

const meeting = seedMeeting(Date.now());
let devices: Devices;

/**
 * [issue 11 §1] The three devices, as a new facilitator gets them going: the group is made on the
 * co-facilitator's laptop; the phone opens the remote by scanning the laptop's QR code; the projector
 * opens /display and the phone, scanning its QR code, pairs it with one tap.
 */
test.beforeEach(async ({ browser }) => {
	const contexts = await Promise.all([
		browser.newContext({ viewport: VIEWPORT.projector }),
		browser.newContext({ viewport: PHONE.common, hasTouch: true, isMobile: true }),
		browser.newContext({ viewport: VIEWPORT.laptop })
	]);
	const [display, remote, desk] = await Promise.all(contexts.map((c) => c.newPage()));
	devices = { display, remote, desk, contexts, close: async () => void (await Promise.all(contexts.map((c) => c.close()))) };
	// the phone vibrates discreetly at a wrap-up cue: record it instead of feeling it
	await remote.addInitScript(() => {
		const seen: unknown[] = [];
		(window as unknown as { vibrations: unknown[] }).vibrations = seen;
		navigator.vibrate = ((pattern: unknown) => (seen.push(pattern), true)) as Navigator['vibrate'];
	});

	await desk.goto('/');
	await desk.getByLabel('Group name').fill('Monday drop-in');
	await desk.getByRole('button', { name: 'Create group' }).click();
	await remote.goto(await scanQr(desk.getByTestId('qr-remote')));
	await expectConnected(remote);

	await display.goto('/display');
	await expect(display.getByTestId('pairing-code')).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	await remote.goto(await scanQr(display));
	await expect(remote.getByRole('radio', { name: 'Monday drop-in' })).toBeChecked();
	await remote.getByRole('button', { name: 'Pair this screen' }).tap();
	await expect(display.getByTestId('group-name')).toHaveText('Monday drop-in');
	await remote.getByRole('link', { name: 'Open the remote' }).tap();
	await expectConnected(remote);

	await desk.goto(await desk.getByRole('textbox', { name: /^Desk link/ }).inputValue());
	await expectConnected(desk);
	await expect(display.getByTestId('display')).toHaveAttribute('data-shown', 'welcome');
	// from here on the projector and the phone live the Monday: 12 minutes before the group starts
	for (const page of [display, remote]) await page.clock.setFixedTime(meeting.start - 12 * MIN);
});

test.afterEach(async () => {
	await devices.close();
});

async function setClock(pages: Page[], time: number) {
	for (const page of pages) await page.clock.setFixedTime(time);
}

test('[R3][R6][R12][R14][R24][R26][R29][R30][R31][R32][R34][R35][R52][R53][R54][R75][R76][R77][R78] the Monday group, from doors open to the records for the funders', async ({}, testInfo) => {
	const { display, remote, desk } = devices;
	const screen = display.getByTestId('display');
	const speaker = display.getByTestId('speaker');

	await test.step('[R29] the desk gives the group its schedule: Monday, Wednesday and Friday, 1:30 to 2:30 pm', async () => {
		const settings = desk.getByTestId('group-settings');
		for (const day of meeting.days) await settings.getByRole('checkbox', { name: DAY_NAMES[DAYS.indexOf(day)] }).check();
		await settings.getByLabel('Starts at').fill('13:30');
		await settings.getByLabel('Ends at').fill('14:30');
		await settings.getByLabel('Time zone').fill(meeting.timeZone);
		await settings.getByTestId('schedule-save').click();
		await expect(settings.getByTestId('schedule-summary')).toContainText(`13:30 – 14:30 (${meeting.timeZone})`);
	});

	await test.step('doors open: a calm welcome, the next session and a countdown; nothing says what the group is', async () => {
		await expect(screen).toHaveAttribute('data-shown', 'welcome');
		await expect(display.getByTestId('group-name')).toHaveText('Monday drop-in');
		await expect(display.getByTestId('welcome')).toContainText('Everyone welcome, come as you are');
		await expect(display.getByTestId('next-session')).toContainText(`Next: ${meeting.dayName} 1:30 pm`);
		await expect(display.getByTestId('starts-in')).toHaveText('Starts in 12 min');
		await expect(display.getByTestId('time-now')).toContainText('1:18 pm');
		const text = await display.locator('body').innerText();
		for (const word of ['harm', 'Harm', 'drug', 'reduction']) expect(text).not.toContain(word);
		await snapshot(display, testInfo, '01-doors-open');
	});

	await test.step('[R3][R35] the session starts the same way each time: agreements up, opening words on the phone', async () => {
		await setClock([display, remote], meeting.start);
		await remote.getByTestId('session-start').tap();
		await expect(screen).toHaveAttribute('data-shown', 'session');
		await expect(screen).toHaveAttribute('data-agreements', 'true');
		await expect(display.getByTestId('agreements').locator('li')).toHaveText([
			'Come and go as you need',
			'Ask before giving feedback',
			'No threats of any kind'
		]);
		const opening = remote.getByTestId('opening-words');
		await expect(opening).toHaveAttribute('open', '');
		await expect(opening).toContainText('Everyone is welcome here just as you are, whenever you get here');
		await expect(opening).toContainText("let's start with check-ins");
		await expect(remote.getByTestId('agreements-toggle')).toHaveAttribute('aria-pressed', 'true');
		await expect(display.getByTestId('time-left')).toHaveText('60 min left, until 2:30 pm');
		await snapshot(display, testInfo, '02-opening');
		await remote.screenshot({ path: testInfo.outputPath('02-opening-remote.png'), fullPage: true });
	});

	const arrive = async (n: number) => {
		for (let i = 0; i < n; i++) await remote.getByTestId('headcount-arrive').tap();
	};

	await test.step('[R31] people drift in: the phone counts them, anonymously; the display does not show it', async () => {
		await arrive(5);
		await expect(remote.getByTestId('headcount-here')).toContainText('5');
		await expect(desk.getByTestId('headcount-arrivals')).toHaveText('5');
		await expectTapSize(remote.getByTestId('headcount-arrive'), 64);
		await expectTapSize(remote.getByTestId('headcount-leave'), 64);
	});

	await test.step('[R6][R35] Casey checks in: the first speaker takes the agreements down', async () => {
		await remote.getByLabel('Name, as given').fill('Casey');
		await remote.getByRole('button', { name: 'Set speaker' }).tap();
		await expect(speaker).toHaveText('Casey');
		await expect(screen).toHaveAttribute('data-agreements', 'false');
		await expect(display.getByTestId('permission')).toHaveText('Not asked yet');
		await expect(remote.getByTestId('opening-words')).not.toHaveAttribute('open', '');
	});

	await test.step('Tasha comes in; Tasha and Kurt ask to comment; Casey is asked and says the feedback is okay', async () => {
		await arrive(3);
		for (const name of ['Tasha', 'Kurt']) await typeAndEnter(remote.getByLabel('Name to add'), name);
		await expect(display.getByTestId('queue').locator('li')).toHaveText([/Tasha/, /Kurt/]);
		await remote.getByTestId('permission-granted').tap();
		await expect(display.getByTestId('permission')).toHaveText('Feedback welcome');
		await expect(display.getByTestId('permission').locator('svg[data-icon="granted"]')).toBeVisible();
	});

	await test.step('[R14] the group weighs up speed with Casey: Kurt, Kellie, Tasha and Kyle on the board', async () => {
		await setClock([display, remote], meeting.start + 25 * MIN);
		await typeAndEnter(desk.getByLabel('Board title'), 'Speed');
		const item = desk.getByLabel(/^New item for/);
		await typeAndEnter(item, KELLIE);
		await typeAndEnter(item, KYLE);
		await item.press('Control+.');
		await typeAndEnter(item, KURT);
		await typeAndEnter(item, TASHA);
		await expect(display.getByTestId('board-title')).toHaveText('Speed');
		await expect(display.getByTestId('items-left').locator('li')).toHaveText([KELLIE, KYLE]);
		await expect(display.getByTestId('items-right').locator('li')).toHaveText([KURT, TASHA]);
		await arrive(3);
	});

	await test.step("[R32] Kyle's medical-marijuana question goes to the parking lot", async () => {
		await typeAndEnter(remote.getByLabel('Topic to come back to'), PARKED);
		await expect(display.getByTestId('parking-lot')).toContainText(PARKED);
		await expect(display.getByTestId('time-left')).toHaveText('35 min left, until 2:30 pm');
		await snapshot(display, testInfo, '03-board-and-parking-lot');
		await desk.screenshot({ path: testInfo.outputPath('03-board-desk.png'), fullPage: true });
	});

	await test.step('[R52][R76] "We need to check in with other folks": Next to Tasha, and Casey\'s board is not beside her name', async () => {
		await remote.getByTestId('queue-next').tap();
		await expect(speaker).toHaveText('Tasha');
		await expect(display.getByTestId('items-left').locator('li')).toHaveCount(0);
		await expect(display.getByTestId('items-right').locator('li')).toHaveCount(0);
		const words = await domWords(display);
		for (const item of [KURT, KELLIE, TASHA, KYLE]) expect(words, `"${item}" is off the wall`).not.toContain(item);
		await snapshot(display, testInfo, '04-next-tasha-no-board');
		for (const page of [remote, desk]) await expect(page.getByTestId('board-held')).toContainText('Keep it up for Tasha, or clear it?');
		await remote.screenshot({ path: testInfo.outputPath('04-remote-keep-or-clear.png') });
		// Casey's board is done: cleared from the phone, with Undo offered a few seconds
		await remote.getByTestId('board-clear-held').tap();
		await expect(remote.getByTestId('undo')).toContainText('Board cleared');
		for (const page of [remote, desk]) await expect(page.getByTestId('board-held')).toHaveCount(0);
		await expect(desk.getByTestId('desk-item')).toHaveCount(0);
	});

	await test.step('[R34] someone unfamiliar walks in: one tap puts the privacy screen up, and nothing of the session is on the projector', async () => {
		await remote.getByTestId('privacy').tap();
		await expect(screen).toHaveAttribute('data-shown', 'privacy');
		await expect(remote.getByTestId('privacy')).toHaveAttribute('aria-pressed', 'true');
		await expect(remote.getByTestId('privacy-state')).toHaveText('Privacy screen is UP: the display shows only a welcome');
		await expect(desk.getByTestId('privacy')).toHaveAttribute('aria-pressed', 'true');
		await expect(display.getByTestId('welcome')).toContainText('Everyone welcome, come as you are');
		const html = await domWords(display);
		for (const word of [...SESSION_WORDS, 'Monday drop-in', 'min left']) expect(html, `"${word}" is not in the display's DOM`).not.toContain(word);
		await snapshot(display, testInfo, '05-privacy-screen');
		await arrive(2);
		await desk.getByTestId('privacy').click();
		await expect(speaker).toHaveText('Tasha');
		await expect(remote.getByTestId('privacy')).toHaveAttribute('aria-pressed', 'false');
	});

	await test.step('[R14][R52][R75] Kurt checks in; the co-facilitator is out for coffee, and the phone alone puts his board up', async () => {
		await remote.getByTestId('queue-next').tap();
		await expect(speaker).toHaveText('Kurt');
		await remote.getByTestId('remote-board').locator('summary').tap();
		await remote.getByLabel('New item').fill(KURT_GOOD);
		await remote.getByRole('button', { name: 'Add to Good things' }).tap();
		await remote.getByLabel('New item').fill(KURT_BAD);
		await remote.getByRole('button', { name: 'Add to Not-so-good things' }).tap();
		await expect(display.getByTestId('items-left').locator('li')).toHaveText([KURT_GOOD]);
		await expect(display.getByTestId('items-right').locator('li')).toHaveText([KURT_BAD]);
		await snapshot(display, testInfo, '06-board-from-the-phone');
		await remote.screenshot({ path: testInfo.outputPath('06-remote-board.png') });
		// off the wall while the group talks it over, and back
		await remote.getByTestId('board-shown').tap();
		await expect(display.getByTestId('items-left').locator('li')).toHaveCount(0);
		await expect(remote.getByTestId('remote-board').getByTestId('wall-note')).toHaveText('Not on the wall: the board is off the wall.');
		await remote.getByTestId('board-shown').tap();
		await expect(display.getByTestId('items-left').locator('li')).toHaveText([KURT_GOOD]);
	});

	await test.step('[R24] the display has no control, and every screen has no serious accessibility problem', async () => {
		await expect(display.locator(CONTROLS)).toHaveCount(0);
		for (const page of [display, remote, desk]) expect(await seriousAxeViolations(page)).toEqual([]);
	});

	await test.step('[R62] the wrap-up cues come gently at 10 and 5 minutes left, and at time, counting down; the phone vibrates once for each', async () => {
		await setClock([display, remote], meeting.end - 9 * MIN - 30_000);
		await expect(display.getByTestId('cue')).toHaveText('10 minutes left');
		await expect(remote.getByTestId('device-cue')).toHaveText('10 minutes left');
		// [R62] the cue carries the one count of minutes left; the clock's own count steps aside meanwhile
		await expect(display.getByTestId('time-left')).toHaveCount(0);
		await setClock([display, remote], meeting.end - 4 * MIN);
		await expect(display.getByTestId('cue')).toHaveText('4 minutes left — time to start wrapping up');
		await expect(remote.getByTestId('device-cue')).toHaveText('4 minutes left — time to start wrapping up');
		await expect(display.getByTestId('time-left')).toHaveCount(0);
		await snapshot(display, testInfo, '07-five-minutes-left');
		await setClock([display, remote], meeting.end);
		await expect(display.getByTestId('cue')).toHaveText("We're at time");
		await expect(remote.getByTestId('device-cue')).toHaveText("We're at time");
		expect(await remote.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(3);
		await expect(display.getByTestId('display-clock')).toHaveCSS('animation-name', 'none');
	});

	await test.step('two people leave before the end', async () => {
		await remote.getByTestId('headcount-leave').tap();
		await remote.getByTestId('headcount-leave').tap();
		await expect(desk.getByTestId('headcount-here')).toContainText('11');
		await expect(desk.getByTestId('headcount-peak')).toHaveText('13');
		await expect(desk.getByTestId('headcount-arrivals')).toHaveText('13');
	});

	await test.step('[R5][R30][R54][R77] the session ends: the medical-marijuana question is kept for next time; nothing else of it remains', async () => {
		await remote.getByTestId('session-end').tap();
		await remote.getByTestId('carry').getByRole('checkbox', { name: PARKED }).check();
		await remote.getByRole('button', { name: 'Yes, end session' }).tap();
		await expect(screen).toHaveAttribute('data-shown', 'welcome');
		for (const page of [remote, desk]) {
			const summary = page.getByTestId('last-session');
			await expect(summary).toContainText('Last session, for your records');
			await expect(summary.getByTestId('last-arrivals')).toHaveText('13');
			await expect(summary.getByTestId('last-peak')).toHaveText('13');
			await expect(summary.getByTestId('last-here')).toHaveText('11');
			await expectConnected(page);
			await expectSettled(page);
		}
		// folded on the phone, with its count; open, the topic as it was parked
		await expect(remote.getByTestId('topics-fold').locator('summary')).toHaveText(/^Topics for next time\s*·\s*1$/);
		await remote.getByTestId('topics-fold').locator('summary').tap();
		await expect(remote.getByTestId('remote-topics').getByTestId('topic-text')).toHaveText([PARKED]);
		await expect(desk.getByTestId('desk-topics').getByTestId('topic-text')).toHaveText([PARKED]);
		for (const page of [display, remote, desk]) {
			const html = await domWords(page);
			const gone = page === display ? SESSION_WORDS : SESSION_WORDS.filter((word) => word !== PARKED);
			for (const word of gone) expect(html, `"${word}" is gone from the screen`).not.toContain(word);
		}
		await expect(display.getByTestId('welcome')).toContainText('Welcome');
		await snapshot(display, testInfo, '08-after-the-session');
		await remote.screenshot({ path: testInfo.outputPath('08-after-the-session-remote.png'), fullPage: true });
		await desk.screenshot({ path: testInfo.outputPath('08-after-the-session-desk.png'), fullPage: true });
		for (const page of [display, remote, desk]) expect(await seriousAxeViolations(page)).toEqual([]);
	});

	await test.step('[R53][R78] the records for the funders: the desk lists the session and downloads it as CSV, counts only', async () => {
		const records = desk.getByTestId('records');
		await records.locator('summary').click();
		await expect(records.getByTestId('record')).toHaveCount(1);
		// the server started the session a little before 1:30 pm in the group's time zone: times as the app writes them
		await expect(records.getByTestId('record').locator('td')).toHaveText([/^1?[12]:\d\d pm$/, /^1?[12]:\d\d pm$/, '13', '13', '11', /Delete/]);
		await expect(records.getByTestId('records-retention')).toHaveText('Kept 13 months, then deleted.');
		const [download] = await Promise.all([desk.waitForEvent('download'), records.getByTestId('records-download').click()]);
		const csv = await readFile(await download.path(), 'utf8');
		const [header, line, ...rest] = csv.trim().split(/\r\n/);
		expect(header).toBe('date,start,end,arrivals,peak,still_here');
		expect(rest).toEqual([]);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: meeting.timeZone }).format(Date.now());
		expect(line).toMatch(new RegExp(`^${today},1[23]:\\d\\d,1[23]:\\d\\d,13,13,11$`));
		for (const word of [...SESSION_WORDS, 'Monday drop-in']) expect(csv, `"${word}" is not in the CSV`).not.toContain(word);
		await desk.screenshot({ path: testInfo.outputPath('09-records-desk.png') });
		expect(await seriousAxeViolations(desk)).toEqual([]);
	});
});
