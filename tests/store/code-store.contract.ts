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

		it('[R43] a claim has one winner; the winner asking again wins again; a released claim can be won anew', async () => {
			const codes = await open();
			const k = id();
			await codes.create('pairing', k, record(), 60);
			const [first, second] = await Promise.all([
				codes.claim('pairing', k, 'g1/c1', { groupId: 'g1', deviceId: 'd1' }),
				codes.claim('pairing', k, 'g2/c2', { groupId: 'g2', deviceId: 'd2' })
			]);
			expect(first).toEqual({ outcome: 'won', record: { ...record(), data: { tokenHash: 'abc', groupId: 'g1', deviceId: 'd1', claim: 'g1/c1' } } });
			expect(second).toEqual({ outcome: 'lost' });
			expect(await codes.claim('pairing', k, 'g1/c1', { groupId: 'g1', deviceId: 'other' })).toEqual(first);
			await codes.release('pairing', k, 'g2/c2'); // not its claim: nothing happens
			expect(await codes.claim('pairing', k, 'g2/c2', {})).toEqual({ outcome: 'lost' });
			await codes.release('pairing', k, 'g1/c1');
			expect(await codes.claim('pairing', k, 'g2/c2', { groupId: 'g2' })).toMatchObject({ outcome: 'won', record: { data: { groupId: 'g2' } } });
			expect(await codes.claim('pairing', id(), 'g1/c1', {})).toEqual({ outcome: 'gone' });
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
