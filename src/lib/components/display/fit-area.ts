/**
 * A box whose lists share its height [R60]. The box's own size comes from the page's layout, never
 * from what the lists show; it measures what is fixed in it (headings, the speaker), what each
 * list's entries need and what a "+N more" line needs, asks `allocate` how many entries each list
 * shows, and does so again whenever any of that may have changed: the box or anything in it resized
 * (a window, a font that loaded, a name that wraps), an element came or went, or a list's entries
 * changed. The answer depends on the layout only, never on when it was measured.
 */
import { getContext, setContext } from 'svelte';
import { allocate } from './fit-allocation.ts';

interface FitMeasure {
	/** Height the list needs to show entries 0..i, for each i. */
	ends: number[];
	/** Height of its "+N more" line. */
	more: number;
	/** Height it takes now (its entries' box and its "+N more" line, if shown). */
	current: number;
}

export interface FitMember {
	/** Its outermost element, for the order of the lists. */
	readonly root: HTMLElement | undefined;
	readonly weight: number;
	/** Its layout now, in CSS pixels of the page (`scale` undoes a transform around the scene). */
	measure(scale: number): FitMeasure | null;
	/** Show this many entries, the box sized to them. */
	apply(shown: number, height: number): void;
}

const KEY = Symbol('fit-area');

class FitArea {
	#members = new Set<FitMember>();
	#watched = new Set<Element>();
	#outer: HTMLElement | null = null;
	#inner: HTMLElement | null = null;
	#resize: ResizeObserver | null = null;

	/** For the area's `$effect`: `outer` is sized by the page, `inner` holds the panels. */
	attach(outer: HTMLElement, inner: HTMLElement): () => void {
		this.#outer = outer;
		this.#inner = inner;
		const refit = () => this.fit();
		this.#resize = new ResizeObserver(refit);
		this.#rewatch();
		// a panel that comes or goes changes what is fixed, although the box keeps its size
		const children = new MutationObserver(() => {
			this.#rewatch();
			this.fit();
		});
		children.observe(inner, { childList: true });
		document.fonts?.addEventListener('loadingdone', refit);
		this.fit();
		return () => {
			children.disconnect();
			this.#resize?.disconnect();
			this.#resize = null;
			document.fonts?.removeEventListener('loadingdone', refit);
			this.#outer = this.#inner = null;
		};
	}

	/** A list joins the area; the returned cleanup takes it out. */
	join(member: FitMember): () => void {
		this.#members.add(member);
		this.fit();
		return () => {
			this.#members.delete(member);
			this.fit();
		};
	}

	/** Re-fit whenever this element (a list's entries) changes size. */
	watch(element: Element): () => void {
		this.#watched.add(element);
		this.#resize?.observe(element);
		return () => {
			this.#watched.delete(element);
			this.#resize?.unobserve(element);
		};
	}

	#rewatch() {
		const observer = this.#resize;
		if (!observer || !this.#outer || !this.#inner) return;
		observer.disconnect();
		observer.observe(this.#outer);
		for (const child of this.#inner.children) observer.observe(child);
		for (const element of this.#watched) observer.observe(element);
	}

	fit(): void {
		const outer = this.#outer;
		const inner = this.#inner;
		if (!outer || !inner || this.#members.size === 0) return;
		const box = outer.getBoundingClientRect();
		if (outer.offsetHeight === 0 || box.height === 0) return; // not laid out (hidden): nothing to fit
		const scale = box.height / outer.offsetHeight;
		const members = [...this.#members].filter((m) => m.root?.isConnected).sort(inDocumentOrder);
		const measures = members.map((m) => m.measure(scale));
		if (measures.some((m) => m === null)) return;
		const measured = measures as FitMeasure[];
		const gap = parseFloat(getComputedStyle(inner).rowGap) || 0;
		let content = 0;
		for (const child of inner.children) content += child.getBoundingClientRect().height / scale;
		content += gap * Math.max(0, inner.children.length - 1);
		const fixed = content - measured.reduce((sum, m) => sum + m.current, 0);
		const counts = allocate(
			box.height / scale - fixed,
			members.map((m, i) => ({ ends: measured[i].ends, more: measured[i].more, weight: m.weight }))
		);
		members.forEach((m, i) => m.apply(counts[i], counts[i] === 0 ? 0 : measured[i].ends[counts[i] - 1]));
	}
}

function inDocumentOrder(a: FitMember, b: FitMember): number {
	if (!a.root || !b.root) return 0;
	return a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export function provideFitArea(): FitArea {
	const area = new FitArea();
	setContext(KEY, area);
	return area;
}

export function fitArea(): FitArea {
	const area = getContext<FitArea | undefined>(KEY);
	if (!area) throw new Error('a FitList must sit inside a FitArea');
	return area;
}
