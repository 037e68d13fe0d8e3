import type { CodeKind, CodeRecord, CodeStore } from './code-store.ts';

export function createMemoryCodeStore(now: () => number = Date.now): CodeStore {
	const records = new Map<string, { record: CodeRecord; expiresAt: number }>();
	const key = (kind: CodeKind, id: string) => `${kind}:${id}`;
	const read = (k: string) => {
		const entry = records.get(k);
		if (entry && entry.expiresAt <= now()) records.delete(k);
		return records.get(k) ?? null;
	};
	const sweep = setInterval(() => {
		for (const k of records.keys()) read(k);
	}, 60_000);
	sweep.unref();
	return {
		async create(kind, id, record, ttlS) {
			if (read(key(kind, id))) return false;
			records.set(key(kind, id), { record: structuredClone(record), expiresAt: now() + ttlS * 1000 });
			return true;
		},
		async get(kind, id) {
			const entry = read(key(kind, id));
			return entry ? structuredClone(entry.record) : null;
		},
		async attempt(kind, id, secretHash, maxWrong, consume) {
			const k = key(kind, id);
			const entry = read(k);
			if (!entry) return { ok: false };
			if (entry.record.secretHash !== secretHash) {
				entry.record.attempts += 1;
				if (entry.record.attempts >= maxWrong) records.delete(k);
				return { ok: false };
			}
			if (consume) records.delete(k);
			return { ok: true, record: structuredClone(entry.record) };
		},
		async claim(kind, id, owner, data) {
			const entry = read(key(kind, id));
			if (!entry) return { outcome: 'gone' };
			const claimed = entry.record.data.claim;
			if (claimed && claimed !== owner) return { outcome: 'lost' };
			if (!claimed) entry.record.data = { ...entry.record.data, ...data, claim: owner };
			return { outcome: 'won', record: structuredClone(entry.record) };
		},
		async release(kind, id, owner) {
			const entry = read(key(kind, id));
			if (entry?.record.data.claim === owner) entry.record.data = { ...entry.record.data, claim: null, groupId: null };
		},
		async setData(kind, id, data) {
			const entry = read(key(kind, id));
			if (!entry) return false;
			entry.record.data = { ...data };
			return true;
		},
		async delete(kind, id) {
			records.delete(key(kind, id));
		}
	};
}
