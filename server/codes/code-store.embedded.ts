/**
 * Pairing and invite codes without Redis: in this process and in one file, `<DATA_DIR>/codes.json`,
 * replaced whole (data-dir.ts) before any change is answered. Codes live 10 minutes and there are
 * few of them (a handful per group being set up), so one file stays small. They survive a restart
 * within their 10 minutes: a projector showing a code keeps it, and an invite the group lists as
 * pending can still be redeemed. A code past its time is dropped when read and by a sweep.
 */
import type { DataDir } from '../store/data-dir.ts';
import { KeyedQueue, StoreUnavailableError } from '../store/room-store.ts';
import type { CodeKind, CodeRecord, CodeStore } from './code-store.ts';

const FILE = 'codes.json';
const SWEEP_MS = 60_000;

interface Entry {
	record: CodeRecord;
	expiresAt: number;
}

interface CodesFile {
	format: 1;
	codes: Record<string, Entry>;
}

export interface EmbeddedCodeStore extends CodeStore {
	close(): Promise<void>;
}

export async function openEmbeddedCodeStore(dir: DataDir, now: () => number = Date.now): Promise<EmbeddedCodeStore> {
	const text = await dir.read(FILE);
	let records = new Map<string, Entry>();
	if (text) {
		try {
			records = new Map(Object.entries((JSON.parse(text) as CodesFile).codes));
		} catch {
			// A damaged file holds codes of at most 10 minutes: starting without them is the lesser loss.
		}
	}
	const queue = new KeyedQueue();
	const key = (kind: CodeKind, id: string) => `${kind}:${id}`;
	const live = (k: string) => {
		const entry = records.get(k);
		return entry && entry.expiresAt > now() ? entry : null;
	};

	/**
	 * Runs `change` on a copy of the records, one change at a time; writes the copy when it says it
	 * changed something, and only then makes it the records everyone reads.
	 */
	function mutate<T>(change: (draft: Map<string, Entry>) => { result: T; changed: boolean }): Promise<T> {
		return queue.run(FILE, async () => {
			const draft = new Map([...records].filter(([, entry]) => entry.expiresAt > now()));
			const { result, changed } = change(draft);
			if (changed || draft.size !== records.size) {
				const file: CodesFile = { format: 1, codes: Object.fromEntries(draft) };
				try {
					await dir.write(FILE, JSON.stringify(file));
				} catch (error) {
					throw new StoreUnavailableError(error);
				}
				records = draft;
			}
			return result;
		});
	}
	const copy = (record: CodeRecord): CodeRecord => structuredClone(record);
	const set = (draft: Map<string, Entry>, k: string, entry: Entry, record: CodeRecord) => draft.set(k, { ...entry, record });

	await mutate(() => ({ result: null, changed: false })); // drops what expired while the server was down
	const sweep = setInterval(() => void mutate(() => ({ result: null, changed: false })).catch(() => {}), SWEEP_MS);
	sweep.unref();

	return {
		create: (kind, id, record, ttlS) =>
			mutate((draft) => {
				if (draft.has(key(kind, id))) return { result: false, changed: false };
				draft.set(key(kind, id), { record: copy(record), expiresAt: now() + ttlS * 1000 });
				return { result: true, changed: true };
			}),
		async get(kind, id) {
			const entry = live(key(kind, id));
			return entry ? copy(entry.record) : null;
		},
		attempt: (kind, id, secretHash, maxWrong, consume) =>
			mutate<Awaited<ReturnType<CodeStore['attempt']>>>((draft) => {
				const k = key(kind, id);
				const entry = draft.get(k);
				if (!entry) return { result: { ok: false }, changed: false };
				if (entry.record.secretHash !== secretHash) {
					const attempts = entry.record.attempts + 1;
					if (attempts >= maxWrong) draft.delete(k);
					else set(draft, k, entry, { ...entry.record, attempts });
					return { result: { ok: false }, changed: true };
				}
				if (consume) draft.delete(k);
				return { result: { ok: true, record: copy(entry.record) }, changed: consume };
			}),
		claim: (kind, id, owner, data) =>
			mutate<Awaited<ReturnType<CodeStore['claim']>>>((draft) => {
				const k = key(kind, id);
				const entry = draft.get(k);
				if (!entry) return { result: { outcome: 'gone' }, changed: false };
				const claimed = entry.record.data.claim;
				if (claimed && claimed !== owner) return { result: { outcome: 'lost' }, changed: false };
				if (claimed) return { result: { outcome: 'won', record: copy(entry.record) }, changed: false };
				const record = { ...entry.record, data: { ...entry.record.data, ...data, claim: owner } };
				set(draft, k, entry, record);
				return { result: { outcome: 'won', record: copy(record) }, changed: true };
			}),
		release: (kind, id, owner) =>
			mutate((draft) => {
				const k = key(kind, id);
				const entry = draft.get(k);
				if (entry?.record.data.claim !== owner) return { result: undefined, changed: false };
				set(draft, k, entry, { ...entry.record, data: { ...entry.record.data, claim: null, groupId: null } });
				return { result: undefined, changed: true };
			}),
		setData: (kind, id, data) =>
			mutate((draft) => {
				const k = key(kind, id);
				const entry = draft.get(k);
				if (!entry) return { result: false, changed: false };
				set(draft, k, entry, { ...entry.record, data: { ...data } });
				return { result: true, changed: true };
			}),
		delete: (kind, id) =>
			mutate((draft) => ({ result: undefined, changed: draft.delete(key(kind, id)) })),
		async close() {
			clearInterval(sweep);
			await queue.run(FILE, async () => {});
		}
	};
}
