import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCodeStore } from '../../server/codes/code-store.memory.ts';
import { createRedisCodeStore } from '../../server/codes/code-store.redis.ts';
import { openTestRedis, type TestRedis } from '../helpers/test-redis.ts';
import { codeStoreContract } from './code-store.contract.ts';

let t: TestRedis;
beforeAll(async () => {
	t = await openTestRedis();
});
afterAll(() => t.cleanup());

codeStoreContract('embedded', async () => createMemoryCodeStore());
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
		const codes = createMemoryCodeStore(() => now);
		await codes.create('invite', 'EXP2', { secretHash: 'x', attempts: 0, data: {} }, 10);
		now = 9_999;
		expect(await codes.get('invite', 'EXP2')).not.toBeNull();
		now = 10_000;
		expect(await codes.get('invite', 'EXP2')).toBeNull();
	});
});
