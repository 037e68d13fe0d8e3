import { describe, expect, it } from 'vitest';
import type { CodeStore } from '../../server/codes/code-store.ts';

let seq = 0;
const id = () => `C${(seq++).toString(36).toUpperCase().padStart(3, '2')}`;
const record = () => ({ secretHash: 'right', attempts: 0, data: { tokenHash: 'abc', groupId: null } });

export function codeStoreContract(name: string, open: () => Promise<CodeStore>) {
	describe(`${name} code store contract`, () => {
		it('creates a record once per id and reads it back', async () => {
			const codes = await open();
			const k = id();
			expect(await codes.create('pairing', k, record(), 60)).toBe(true);
			expect(await codes.create('pairing', k, record(), 60)).toBe(false);
			expect(await codes.get('pairing', k)).toEqual(record());
			expect(await codes.get('invite', k)).toBeNull();
		});

		it('[R43] counts wrong tries and burns the record at the limit', async () => {
			const codes = await open();
			const k = id();
			await codes.create('pairing', k, record(), 60);
			for (let i = 0; i < 4; i++) expect(await codes.attempt('pairing', k, 'wrong', 5, false)).toEqual({ ok: false });
			expect((await codes.get('pairing', k))!.attempts).toBe(4);
			expect(await codes.attempt('pairing', k, 'wrong', 5, false)).toEqual({ ok: false });
			expect(await codes.get('pairing', k)).toBeNull();
			expect(await codes.attempt('pairing', k, 'right', 5, false)).toEqual({ ok: false });
		});

		it('[R44] a right try returns the record, and consumes it when asked', async () => {
			const codes = await open();
			const k = id();
			await codes.create('invite', k, record(), 60);
			expect(await codes.attempt('invite', k, 'right', 5, false)).toEqual({ ok: true, record: record() });
			expect(await codes.attempt('invite', k, 'right', 5, true)).toEqual({ ok: true, record: record() });
			expect(await codes.attempt('invite', k, 'right', 5, true)).toEqual({ ok: false });
		});

		it('replaces data but keeps the record and its expiry', async () => {
			const codes = await open();
			const k = id();
			await codes.create('pairing', k, record(), 60);
			expect(await codes.setData('pairing', k, { tokenHash: 'abc', groupId: 'g1' })).toBe(true);
			expect((await codes.get('pairing', k))!.data).toEqual({ tokenHash: 'abc', groupId: 'g1' });
			await codes.delete('pairing', k);
			expect(await codes.setData('pairing', k, {})).toBe(false);
		});
	});
}
