/**
 * The device-side pieces of getting a room going: the list of groups this browser runs, the
 * browser's language, a pairing code's lifetime by a projector's own clock, and the QR drawing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserLanguage } from '../../src/lib/i18n/locale.svelte.ts';
import { localExpiry } from '../../src/lib/components/pairing/pairing-request.svelte.ts';
import { drawQr, pathOf } from '../../src/lib/client/qr-code.ts';
import { forgetGroup, linkOf, myGroups, rememberGroup, rememberMadeGroup } from '../../src/lib/client/my-groups.ts';
import { rememberCredential } from '../../src/lib/client/device-credential.ts';

/** The part of the Web Storage API the modules use, kept in a Map. */
class MemoryStorage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.#items.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.#items.set(k, String(v));
	}
	removeItem(k: string) {
		this.#items.delete(k);
	}
	keys() {
		return [...this.#items.keys()];
	}
}

const ORIGIN = 'https://roomcast.example.org';
const KEY = 'A'.repeat(43);
const linksOf = (groupId: string) => ({
	remote: `${ORIGIN}/g/${groupId}/remote#key=r-${groupId}&k=${KEY}`,
	desk: `${ORIGIN}/g/${groupId}/desk#key=d-${groupId}&k=${KEY}`,
	display: `${ORIGIN}/g/${groupId}/display#key=s-${groupId}&k=${KEY}`
});

describe('the groups this device runs', () => {
	let local: MemoryStorage;
	let session: MemoryStorage;
	let clock = 1_000;
	const globals = globalThis as unknown as Record<string, unknown>;
	const realNow = Date.now;

	beforeEach(() => {
		local = new MemoryStorage();
		session = new MemoryStorage();
		globals.localStorage = local;
		globals.sessionStorage = session;
		globals.location = { origin: 'http://192.168.1.20:3000' };
		Date.now = () => (clock += 1_000);
	});
	afterEach(() => {
		delete globals.localStorage;
		delete globals.sessionStorage;
		delete globals.location;
		Date.now = realNow;
	});

	it('keeps a group made here with its name, three credentials and key, and gives its links back as they were', () => {
		const links = linksOf('g1');
		rememberMadeGroup('g1', 'Monday drop-in', links);
		const [group] = myGroups();
		expect(group).toMatchObject({ groupId: 'g1', name: 'Monday drop-in', origin: ORIGIN, facilitates: true, hasKey: true });
		expect([...group.kinds].sort()).toEqual(['desk', 'display', 'remote']);
		for (const kind of ['remote', 'desk', 'display'] as const) expect(linkOf(group, kind)).toBe(links[kind]);
	});

	it('lists the last used first, finds a credential kept before the list existed, and leaves out screens that only display', () => {
		rememberMadeGroup('g1', 'Monday drop-in', linksOf('g1'));
		rememberMadeGroup('g2', 'Wednesday group', linksOf('g2'));
		rememberCredential('old', 'remote', 'r-old');
		rememberCredential('projector-only', 'display', 's-p');
		expect(myGroups().map((g) => [g.groupId, g.name])).toEqual([
			['g2', 'Wednesday group'],
			['g1', 'Monday drop-in'],
			['old', null]
		]);
		rememberGroup('g1');
		rememberGroup('old', { name: 'Friday group' });
		expect(myGroups().map((g) => g.name)).toEqual(['Friday group', 'Monday drop-in', 'Wednesday group']);
	});

	it('forgets a group on this device: every key of it, in both storages, and nothing of the others', () => {
		rememberMadeGroup('g1', 'Monday drop-in', linksOf('g1'));
		rememberMadeGroup('g2', 'Wednesday group', linksOf('g2'));
		session.setItem('roomcast:g1:remote:outbox', '[]');
		forgetGroup('g1');
		expect([...local.keys(), ...session.keys()].filter((k) => k.includes('g1'))).toEqual([]);
		expect(myGroups().map((g) => g.groupId)).toEqual(['g2']);
	});
});

describe('the browser language', () => {
	it('is Spanish when the first of Spanish or English in the list is Spanish', () => {
		expect(browserLanguage(['es-US', 'en-US'])).toBe('es');
		expect(browserLanguage(['fr-FR', 'es', 'en'])).toBe('es');
		expect(browserLanguage(['fr-FR', 'en-GB', 'es-MX'])).toBe('en');
		expect(browserLanguage(['de-DE'])).toBe('en');
		expect(browserLanguage([])).toBe('en');
	});
});

describe('a pairing code on a projector', () => {
	const minutesLeft = (expiresAt: number, now: number) => Math.ceil((expiresAt - now) / 60_000);

	it('reads 10 minutes when it arrives, even when the server answered within the same second or the clocks differ', () => {
		const issuedAt = Date.parse('2026-11-23T18:30:00.900Z');
		const expiresAt = issuedAt + 600_000;
		const header = new Date(issuedAt).toUTCString(); // whole seconds: 18:30:00
		// the projector's clock is 7 minutes behind the server's
		const projectorNow = issuedAt - 7 * 60_000 + 40;
		expect(minutesLeft(localExpiry(expiresAt, header, projectorNow), projectorNow)).toBe(10);
		expect(minutesLeft(localExpiry(expiresAt, header, projectorNow), projectorNow + 60_001)).toBe(9);
		// without a Date header, its own clock is all it has
		expect(minutesLeft(localExpiry(expiresAt, null, issuedAt + 40), issuedAt + 40)).toBe(10);
	});
});

describe('QR drawing', () => {
	it('turns each run of dark modules into one rectangle', () => {
		expect(
			pathOf([
				[true, true, false, true],
				[false, false, false, false]
			])
		).toBe('M0 0h2v1h-2zM3 0h1v1h-1z');
	});

	it('draws a link of 148 characters with its quiet zone of 4 light modules', async () => {
		const link = `${ORIGIN}/g/${'x'.repeat(22)}/remote#key=${'r'.repeat(43)}&k=${KEY}`.slice(0, 148);
		const { size, path } = await drawQr(link);
		expect(size).toBe(49 + 8); // version 8 at medium error correction
		expect(path.startsWith('M4 4h7')).toBe(true); // the finder pattern's top edge, inside the quiet zone
	});
});
