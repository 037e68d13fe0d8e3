/**
 * The display's scene speaks the group's display language, not the page's, so a phone set to
 * English previews a Spanish room in Spanish; embedded, it brings no landmarks of its own, and the
 * preview around it is a captioned picture, out of the accessibility tree [R24][R29].
 */
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import DisplayPreview from '../../src/lib/components/display/DisplayPreview.svelte';
import DisplayScene from '../../src/lib/components/display/DisplayScene.svelte';
import { en } from '../../src/lib/i18n/en.ts';
import { locale, messagesOf } from '../../src/lib/i18n/locale.svelte.ts';
import { inSession, NOW, play } from '../helpers/room-fixtures.ts';

const room = (language: 'en' | 'es' | 'en+es') =>
	inSession(
		{ type: 'group.setLanguage', language },
		{ type: 'speaker.set', name: 'Franco' },
		{ type: 'queue.add', name: 'Kyle' },
		{ type: 'parkingLot.add', text: 'Medical marijuana' }
	);

describe('the display scene', () => {
	it('[R29] speaks the group\'s display language whatever the page speaks', async () => {
		expect(locale.primary).toBe('en');
		await vi.waitFor(() => expect(messagesOf('es')).not.toBe(en)); // Spanish loads on first need
		const { body } = render(DisplayScene, { props: { room: room('es'), now: NOW, embedded: true } });
		expect(body).toContain('lang="es"');
		expect(body).toContain('Habla ahora');
		expect(body).toContain('Siguen');
		expect(body).toContain('Para después');
		expect(body).not.toContain('Speaking now');
		const both = render(DisplayScene, { props: { room: room('en+es'), now: NOW, embedded: true } }).body;
		expect(both).toMatch(/Speaking now.*Habla ahora/s);
	});

	it('[R24] embedded, it has no landmarks of its own; on the projector, it has its header and main', () => {
		const embedded = render(DisplayScene, { props: { room: room('en'), now: NOW, embedded: true } }).body;
		expect(embedded).not.toMatch(/<(main|header)\b/);
		const full = render(DisplayScene, { props: { room: room('en'), now: NOW } }).body;
		expect(full).toMatch(/<header\b/);
		expect(full).toMatch(/<main\b/);
	});

	it('[R34] shows the privacy screen from a facilitator\'s state: no name, no group', () => {
		const { body } = render(DisplayScene, { props: { room: play(room('en'), { type: 'privacy.blank', on: true }), now: NOW, embedded: true } });
		expect(body).toContain('Welcome');
		for (const secret of ['Franco', 'Kyle', 'Medical', 'Monday group']) expect(body).not.toContain(secret);
	});
});

describe('the preview', () => {
	it('is a picture captioned in the page\'s language, inert and hidden from assistive technology', () => {
		const { body } = render(DisplayPreview, { props: { room: room('es'), now: NOW } });
		expect(body).toMatch(/<figcaption[^>]*>What the room sees now<\/figcaption>/);
		expect(body).toMatch(/<div class="screen[^"]*" inert="" aria-hidden="true">/);
	});
});
