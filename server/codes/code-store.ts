/**
 * Short-lived records behind pairing and invite codes, with an expiry and a count of wrong tries.
 * Redis and embedded implementations pass one contract (tests/store/code-store.contract.ts).
 */
export const CODE_KIND = { pairing: 'pairing', invite: 'invite' } as const;
export type CodeKind = (typeof CODE_KIND)[keyof typeof CODE_KIND];

export interface CodeRecord {
	/** Hash of the code's secret half. */
	secretHash: string;
	attempts: number;
	/** Anything else the flow keeps (no credential, no name). */
	data: Record<string, string | number | null>;
}

type ClaimResult = { outcome: 'won'; record: CodeRecord } | { outcome: 'lost' | 'gone' };

type TryResult = { ok: true; record: CodeRecord } | { ok: false };

export interface CodeStore {
	/** Stores a record under `id` unless one is there; false when the id is taken. */
	create(kind: CodeKind, id: string, record: CodeRecord, ttlS: number): Promise<boolean>;
	get(kind: CodeKind, id: string): Promise<CodeRecord | null>;
	/**
	 * Checks a secret atomically. Right: returns the record (and deletes it when `consume`). Wrong:
	 * counts the try, and deletes the record at `maxWrong` tries. Unknown id: not ok.
	 */
	attempt(kind: CodeKind, id: string, secretHash: string, maxWrong: number, consume: boolean): Promise<TryResult>;
	/**
	 * Claims the record for `owner` atomically, merging `data` in: one owner wins, whoever asks after
	 * gets `lost`; the same owner asking again gets `won` with the record as it claimed it (a retried
	 * command). `gone`: no such record (used, burnt or expired).
	 */
	claim(kind: CodeKind, id: string, owner: string, data: CodeRecord['data']): Promise<ClaimResult>;
	/** Undoes `owner`'s claim (its command was refused after all), so the code can be approved again. */
	release(kind: CodeKind, id: string, owner: string): Promise<void>;
	/** Replaces `data`, keeping the expiry; false when the record is gone. */
	setData(kind: CodeKind, id: string, data: CodeRecord['data']): Promise<boolean>;
	delete(kind: CodeKind, id: string): Promise<void>;
}
