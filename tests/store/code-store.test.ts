import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCodes, everyByte, tempDataDir } from '../helpers/embedded.ts';
import { createRedisCodeStore } from '../../server/codes/code-store.redis.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { codeStoreContract } from './code-store.contract.ts';

let t: TestRedis;
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(() => t.cleanup());

codeStoreContract('embedded', () => embeddedCodes());
codeStoreContract('redis', async () => createRedisCodeStore(t.redis, t.prefix));

describe('code expiry', () => {
	it('[R27] a code record in Redis has a TTL, kept when its data changes', async () => {
		const codes = createRedisCodeStore(t.redis, t.prefix);
		await codes.create('pairing', 'TTL2', { secretHash: 'x', attempts: 0, data: {} }, 600);
		await codes.attempt('pairing', 'TTL2', 'wrong', 5, false);
		await codes.setData('pairing', 'TTL2', { groupId: 'g' });
		const ttl = await t.redis.ttl(`${t.prefix}:code:pairing:TTL2`);
		expect(ttl).toBeGreaterThan(590);
		expect(ttl).toBeLessThanOrEqual(600);
	});

	it('an embedded code expires with its time', async () => {
		let now = 0;
		const codes = await embeddedCodes({ now: () => now });
		await codes.create('invite', 'EXP2', { secretHash: 'x', attempts: 0, data: {} }, 10);
		now = 9_999;
		expect(await codes.get('invite', 'EXP2')).not.toBeNull();
		now = 10_000;
		expect(await codes.get('invite', 'EXP2')).toBeNull();
	});

	it('an embedded code survives a restart within its time, with its wrong tries; one past its time is gone from disk', async () => {
		const dir = tempDataDir();
		let now = 0;
		const codes = await embeddedCodes({ dir, now: () => now });
		await codes.create('pairing', 'RST2', { secretHash: 'x', attempts: 0, data: { tokenHash: 'tok-rst2' } }, 600);
		await codes.create('invite', 'RST3', { secretHash: 'y', attempts: 0, data: { tokenHash: 'tok-rst3' } }, 60);
		await codes.attempt('pairing', 'RST2', 'wrong', 5, false);
		await codes.close();
		now = 61_000;
		const again = await embeddedCodes({ dir, now: () => now });
		expect(await again.get('pairing', 'RST2')).toEqual({ secretHash: 'x', attempts: 1, data: { tokenHash: 'tok-rst2' } });
		expect(await again.get('invite', 'RST3')).toBeNull();
		expect(everyByte(dir).bytes.includes(Buffer.from('tok-rst3'))).toBe(false);
		await again.close();
	});
});
