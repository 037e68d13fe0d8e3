/**
 * The projector's layout at every common size, in each display language, through a session that
 * grows and shrinks: nothing scrolls or overflows, every shown entry lies inside its list and the
 * screen, no entry is left out while there is room for it, "+N more" counts exactly what is left
 * out, and every text is at least 3% of the screen's height. One display page per size follows the
 * room through commands, so the fit is checked after each update, not only after a load.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { CommandAck, CommandInput, CreateGroupResponse, RoomState } from '../../src/lib/protocol/protocol.ts';
import { MONDAY, createGroup, local, snapshot } from './helpers.ts';

const SIZES = [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 },
	{ width: 3840, height: 2160 }
] as const;

const LONG_NAMES = ['Guest with a long name given in full, as they said it', 'Maria Guadalupe de los Santos Hernández', 'Kellie from the Tuesday harm reduction group'];
const GOOD = Array.from({ length: 40 }, (_, i) => `Good thing ${i + 1}: helps me clean the apartment and keep going`);
const NOT_SO_GOOD = ['x'.repeat(1000), ...Array.from({ length: 11 }, (_, i) => `Not-so-good thing ${i + 1}`)];

type BoardShape = 'none' | 'crowded' | 'title' | 'hidden';
interface Step {
	queue: number;
	parked: number;
	topics: number;
	board: BoardShape;
	long?: boolean;
	/** Save a screenshot of every size at this step (bilingual only). */
	shoot?: string;
}

/** A covering set: 0, 1, 4, 10 and 12 queued; 0, 1, 5 and 6 parked; no board, a crowded one, a title alone, both columns hidden; long names. */
const STEPS: Step[] = [
	{ queue: 0, parked: 0, topics: 0, board: 'none' },
	{ queue: 1, parked: 1, topics: 0, board: 'none' },
	{ queue: 4, parked: 0, topics: 0, board: 'none' },
	{ queue: 10, parked: 5, topics: 2, board: 'none' },
	{ queue: 12, parked: 6, topics: 3, board: 'none', shoot: 'no-board' },
	{ queue: 12, parked: 6, topics: 3, board: 'crowded', shoot: 'crowded-board' },
	{ queue: 4, parked: 1, topics: 0, board: 'crowded' },
	{ queue: 10, parked: 5, topics: 0, board: 'hidden' },
	{ queue: 10, parked: 1, topics: 0, board: 'crowded', long: true },
	{ queue: 0, parked: 0, topics: 0, board: 'title' },
	{ queue: 1, parked: 6, topics: 0, board: 'none', long: true }
];

const queueNames = (step: Step) =>
	Array.from({ length: step.queue }, (_, i) => (step.long ? `${LONG_NAMES[i % LONG_NAMES.length]} ${i + 1}` : `${MONDAY[i % MONDAY.length]}${i >= MONDAY.length ? ' again' : ''}`));
const parkedTopics = (n: number) => Array.from({ length: n }, (_, i) => `Parked ${i + 1}: medical marijuana and what it does for sleep`);
const nextTopics = (n: number) => Array.from({ length: n }, (_, i) => `Next time ${i + 1}: naloxone and where to get it`);

/**
 * The facilitators' plain sockets: the phone's keeps the newest state, so commands can name what is
 * there; board commands go from the desk, as in the room (and each device keeps to its rate limit).
 */
class Facilitators {
	room: RoomState | null = null;
	#remote: Socket;
	#desk: Socket;
	#n = 0;

	constructor(group: CreateGroupResponse) {
		const connect = (link: string) => {
			const url = new URL(link);
			const auth = { groupId: url.pathname.split('/')[2], key: new URLSearchParams(url.hash.slice(1)).get('key') ?? '' };
			return io(url.origin, { auth, transports: ['websocket'] });
		};
		this.#remote = connect(group.links.remote);
		this.#desk = connect(group.links.desk);
		this.#remote.on('state', (state: RoomState) => {
			if (!this.room || state.version > this.room.version) this.room = state;
		});
	}

	async send(...inputs: CommandInput[]): Promise<void> {
		for (const input of inputs) {
			const socket = input.type.startsWith('board.') ? this.#desk : this.#remote;
			const command = { ...input, id: `layout${Date.now()}${this.#n++}` };
			let ack: CommandAck | undefined;
			// a device's rate limit [R45] refuses a burst as retryable: sent again, as a page's outbox would
			await expect(async () => {
				ack = (await socket.timeout(10_000).emitWithAck('command', command)) as CommandAck;
				expect(ack.ok || ack.error.code).not.toBe('rate_limited');
			}).toPass({ intervals: [500, 1000], timeout: 20_000 });
			expect(ack, `${input.type} is accepted: ${JSON.stringify(ack)}`).toMatchObject({ ok: true });
			if (ack?.ok) await expect.poll(() => this.room?.version ?? 0).toBeGreaterThanOrEqual(ack.version);
		}
	}

	close() {
		this.#remote.close();
		this.#desk.close();
	}
}

/** Brings the room to the step by the fewest commands: what stays is kept, the rest taken off or added. */
async function reach(f: Facilitators, step: Step) {
	const session = f.room!.session!;
	const names = queueNames(step);
	let keep = 0;
	while (keep < session.queue.length && session.queue[keep].name === names[keep]) keep++;
	await f.send(...session.queue.slice(keep).map((e): CommandInput => ({ type: 'queue.remove', entryId: e.id })));
	await f.send(...names.slice(keep).map((name): CommandInput => ({ type: 'queue.add', name })));
	const parked = f.room!.session!.parkingLot;
	await f.send(...parked.slice(step.parked).map((t): CommandInput => ({ type: 'parkingLot.remove', topicId: t.id })));
	await f.send(...parkedTopics(step.parked).slice(parked.length).map((text): CommandInput => ({ type: 'parkingLot.add', text })));
	const topics = f.room!.group.topics;
	await f.send(...topics.slice(step.topics).map((t): CommandInput => ({ type: 'topics.remove', topicId: t.id })));
	await f.send(...nextTopics(step.topics).slice(topics.length).map((text): CommandInput => ({ type: 'topics.add', text })));
	const speaker = step.long ? 'Casey, who gave her whole name: Casey Ann Whitfield-Morales' : 'Casey';
	if (f.room!.session!.speaker?.name !== speaker) await f.send({ type: 'speaker.set', name: speaker }, { type: 'feedback.set', permission: 'granted' });

	const board = f.room!.session!.board;
	const crowded = step.board === 'crowded' || step.board === 'hidden';
	const isCrowded = board.columns.left.length === GOOD.length;
	if ((crowded && !isCrowded) || (!crowded && (board.title || board.columns.left.length))) await f.send({ type: 'board.clear' });
	if (step.board !== 'none' && !f.room!.session!.board.title) await f.send({ type: 'board.setTitle', title: 'Speed: what it gives me and what it costs me' });
	if (crowded && !isCrowded) {
		await f.send(
			...GOOD.map((text): CommandInput => ({ type: 'board.addItem', column: 'left', text })),
			...NOT_SO_GOOD.map((text): CommandInput => ({ type: 'board.addItem', column: 'right', text }))
		);
	}
	for (const column of ['left', 'right'] as const) {
		const hidden = step.board === 'hidden';
		if (f.room!.session!.board.hidden[column] !== hidden) await f.send({ type: 'board.hideColumn', column, hidden });
	}
	// [R52] a speaker change took the board off the wall: the facilitator keeps it up
	if (step.board !== 'none' && !f.room!.session!.board.shown) await f.send({ type: 'board.show', on: true });
}

interface Expected {
	scene: string;
	lang: string;
	bilingual: boolean;
	speaker: string | null;
	/** Entries each list holds; a list that is not expected must not be drawn. */
	lists: Record<string, number>;
	board: boolean;
}

/** Everything wrong with the display's layout now, as sentences; [] when it is right. */
function layoutProblems(page: Page, expected: Expected): Promise<string[]> {
	return page.evaluate((expected) => {
		const EVERYDAY_CHARS = 100;
		const problems: string[] = [];
		const [W, H] = [window.innerWidth, window.innerHeight];
		const TOLERANCE_PX = 0.5;
		const inside = (r: DOMRect, box: { top: number; bottom: number; left: number; right: number }) =>
			r.top >= box.top - TOLERANCE_PX && r.bottom <= box.bottom + TOLERANCE_PX && r.left >= box.left - TOLERANCE_PX && r.right <= box.right + TOLERANCE_PX;
		const screen = { top: 0, left: 0, bottom: H, right: W };
		const root = document.documentElement;
		if (root.scrollHeight > H || root.scrollWidth > W) problems.push(`the page scrolls: ${root.scrollWidth}x${root.scrollHeight}`);
		const scene = document.querySelector<HTMLElement>('[data-scene]');
		if (!scene) return ['no scene'];
		if (scene.dataset.scene !== expected.scene) problems.push(`shows ${scene.dataset.scene}, not ${expected.scene}`);
		if (scene.lang !== expected.lang) problems.push(`in ${scene.lang}, not ${expected.lang}`);
		if ((scene.querySelector('[lang="es"]') !== null) !== expected.bilingual) problems.push(`bilingual lines: expected ${expected.bilingual}`);
		const speaker = scene.querySelector('[data-testid="speaker"]');
		if (expected.speaker !== null && speaker?.textContent !== expected.speaker) problems.push(`speaker "${speaker?.textContent}"`);
		if (expected.speaker && parseFloat(getComputedStyle(speaker!).fontSize) < 0.06 * H) problems.push(`speaker's name under 6% of the height`);
		if ((scene.querySelector('[data-testid="board-title"]') !== null) !== expected.board) problems.push(`board on the wall: expected ${expected.board}`);

		const lists = [...scene.querySelectorAll<HTMLElement>('[data-fit-list]')];
		const drawn = lists.map((l) => l.dataset.testid ?? '?');
		for (const id of Object.keys(expected.lists)) if (!drawn.includes(id)) problems.push(`${id} is not drawn`);
		for (const list of lists) {
			const id = list.dataset.testid ?? '?';
			const entries = [...list.querySelectorAll('li')];
			if (expected.lists[id] === undefined) problems.push(`${id} is drawn with ${entries.length} entries`);
			else if (entries.length !== expected.lists[id]) problems.push(`${id} holds ${entries.length}, not ${expected.lists[id]}`);
			const shown = entries.filter((li) => li.getAttribute('aria-hidden') !== 'true');
			if (shown.some((li, i) => li !== entries[i])) problems.push(`${id}: not shown in order`);
			if (shown.some((li) => getComputedStyle(li).visibility !== 'visible')) problems.push(`${id}: a shown entry is invisible`);
			const box = list.firstElementChild!.getBoundingClientRect();
			for (const [i, li] of shown.entries()) {
				const r = li.getBoundingClientRect();
				if (!inside(r, box) || !inside(r, screen)) problems.push(`${id}: entry ${i + 1} is not inside its list and the screen`);
			}
			// a board item or a topic of everyday length shows whole, at every size; only names may be cut (at two lines)
			if (id !== 'queue')
				for (const [i, li] of shown.entries())
					for (const el of [li, ...li.querySelectorAll<HTMLElement>('*')])
						if ((li.textContent?.trim().length ?? 0) <= EVERYDAY_CHARS && el.scrollHeight > el.clientHeight + 1) problems.push(`${id}: entry ${i + 1} is cut`);
			const more = list.querySelector<HTMLElement>('[data-testid="more"]');
			const counted = more ? Number(more.textContent?.match(/\+(\d+)/)?.[1]) : 0;
			const leftOut = entries.length - shown.length;
			if (counted !== leftOut) problems.push(`${id}: "+${counted} more" for ${leftOut} left out`);
			if (more && !inside(more.getBoundingClientRect(), screen)) problems.push(`${id}: "+N more" is off the screen`);
			if (leftOut > 0) {
				// the room the area has left: its height less its panels and the gaps between them
				const area = list.closest<HTMLElement>('[data-fit-area]')!;
				const content = area.firstElementChild!;
				const gap = parseFloat(getComputedStyle(content).rowGap) || 0;
				let used = gap * Math.max(0, content.children.length - 1);
				for (const child of content.children) used += child.getBoundingClientRect().height;
				const free = area.getBoundingClientRect().height - used;
				const next = entries[shown.length].getBoundingClientRect();
				const need = next.bottom - box.bottom - (leftOut === 1 ? more!.getBoundingClientRect().height : 0);
				if (need < free - 1) problems.push(`${id}: leaves out an entry that needs ${need.toFixed(1)} px while ${free.toFixed(1)} px are free`);
			}
		}

		const walker = document.createTreeWalker(scene, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement!;
			const text = node.textContent?.trim();
			if (!text || el.closest('.visually-hidden') || getComputedStyle(el).visibility !== 'visible') continue;
			const size = parseFloat(getComputedStyle(el).fontSize);
			if (size < 0.03 * H - 0.01) problems.push(`"${text.slice(0, 30)}" is ${size.toFixed(1)} px, under 3% of ${H}`);
			if (!inside(el.getBoundingClientRect(), screen)) problems.push(`"${text.slice(0, 30)}" is off the screen`);
		}
		return problems;
	}, expected);
}

async function expectLaidOut(pages: Page[], expected: Expected) {
	for (const page of pages) {
		await expect(async () => expect(await layoutProblems(page, expected)).toEqual([]), `at ${page.viewportSize()!.width}`).toPass({ timeout: 10_000 });
	}
}

/** A schedule whose meeting began half an hour ago and ends in about eight minutes: the wrap-up cue shows. */
function endingSoon(): CommandInput {
	const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
	const now = Date.now();
	return { type: 'group.setSchedule', days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: hhmm(now - 30 * 60_000), end: hhmm(now + 8.5 * 60_000), timeZone: 'UTC' };
}

let contexts: BrowserContext[] = [];
let facilitators: Facilitators | undefined;

test.afterEach(async () => {
	facilitators?.close();
	await Promise.all(contexts.map((c) => c.close()));
	contexts = [];
});

test('[R24][R60][R61] the display fits 1024x768 to 3840x2160 in English, Spanish and both, from an empty queue to a crowded board, after every update', async ({
	browser,
	request
}, testInfo) => {
	test.setTimeout(240_000);
	const group: CreateGroupResponse = await createGroup(request, 'Monday drop-in');
	contexts = await Promise.all(SIZES.map((viewport) => browser.newContext({ viewport })));
	const pages = await Promise.all(contexts.map((c) => c.newPage()));
	await Promise.all(pages.map((p) => p.goto(local(group.links.display))));
	const f = (facilitators = new Facilitators(group));
	await f.send(endingSoon());

	for (const language of ['en', 'es', 'en+es'] as const) {
		await test.step(language, async () => {
			const lang = language === 'es' ? 'es' : 'en';
			const base = { lang, bilingual: language === 'en+es', speaker: null, lists: {}, board: false };
			await f.send({ type: 'group.setLanguage', language });
			await expectLaidOut(pages, { ...base, scene: 'welcome' });
			await f.send({ type: 'session.start' });
			await expectLaidOut(pages, { ...base, scene: 'agreements' });
			for (const step of STEPS) {
				await reach(f, step);
				const lists: Record<string, number> = {};
				if (step.queue) lists.queue = step.queue;
				if (step.parked) lists['parking-items'] = step.parked;
				const board = step.board === 'crowded' || step.board === 'title';
				// topics for next time wait while a board is up
				if (step.topics && !board) lists['next-topics-items'] = step.topics;
				if (step.board === 'crowded') Object.assign(lists, { 'items-left': GOOD.length, 'items-right': NOT_SO_GOOD.length });
				const speaker = f.room!.session!.speaker!.name;
				await expectLaidOut(pages, { ...base, scene: 'session', speaker, lists, board });
				if (step.shoot && language !== 'en') {
					for (const page of pages) await snapshot(page, testInfo, `${step.shoot}-${language}-${page.viewportSize()!.width}x${page.viewportSize()!.height}`);
				}
			}
			await f.send({ type: 'privacy.blank', on: true });
			await expectLaidOut(pages, { ...base, scene: 'privacy' });
			await f.send({ type: 'privacy.blank', on: false }, { type: 'session.end' });
		});
	}
});
