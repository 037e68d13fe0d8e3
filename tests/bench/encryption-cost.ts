/**
 * What end-to-end encryption adds per command (issue 5), measured in this process on the seeded
 * Monday-group snapshot: on the remote, sealing the command's text; on the display, opening a
 * snapshot in which one text changed (the others come from the page's cache) and, once, a cold
 * snapshot (a reconnect). Baseline in the same run: JSON.parse of that snapshot, which every page
 * pays for every state anyway.
 */
import { performance } from 'node:perf_hooks';
import { RoomCipher } from '../../src/lib/crypto/room-cipher.ts';
import { newGroupKey, sealText } from '../../src/lib/crypto/text-cipher.ts';
import { mapStateText } from '../../src/lib/protocol/sealed.ts';
import type { Command } from '../../src/lib/protocol/protocol.ts';
import { viewFor } from '../../src/lib/room/room.view.ts';
import { makeGroup } from './seed.ts';

export interface EncryptionCost {
	iterations: number;
	sealCommandUs: number;
	openSnapshotWarmUs: number;
	openSnapshotColdUs: number;
	jsonParseSnapshotUs: number;
	sealedSnapshotBytes: number;
	plainSnapshotBytes: number;
}

/** Per call, each awaited before the next (a page seals and opens one at a time). */
async function perCallUs(iterations: number, fn: (i: number) => unknown): Promise<number> {
	for (let i = 0; i < Math.min(200, iterations); i++) await fn(i); // warm up the JIT
	const start = performance.now();
	for (let i = 0; i < iterations; i++) await fn(i);
	return ((performance.now() - start) * 1000) / iterations;
}

/** With the pages' engine: WebCrypto (Node has it, as HTTPS pages do). */
export async function encryptionCost(iterations: number): Promise<EncryptionCost> {
	const plain = viewFor('display', makeGroup().seeded.state);
	const key = newGroupKey();
	const groupId = plain.groupId;
	const sealed = mapStateText(plain, (text) => sealText(key, groupId, text));
	const json = JSON.stringify(sealed);
	const remote = new RoomCipher(groupId, key);
	const command = { id: 'c1', type: 'board.addItem', column: 'left', text: 'Could lose the apartment' } as Command;

	const sealCommandUs = await perCallUs(iterations, () => remote.seal(command));
	// warm: one new speaker name per snapshot, everything else already opened once
	const display = new RoomCipher(groupId, key);
	await display.open(sealed);
	const names = Array.from({ length: iterations }, (_, i) => sealText(key, groupId, `Casey ${i}`));
	const openSnapshotWarmUs = await perCallUs(iterations, (i) => display.open({ ...sealed, session: { ...sealed.session!, speaker: { ...sealed.session!.speaker!, name: names[i] } } }));
	const openSnapshotColdUs = await perCallUs(Math.max(20, iterations / 20), () => new RoomCipher(groupId, key).open(sealed));
	const jsonParseSnapshotUs = await perCallUs(iterations, () => JSON.parse(json));
	return {
		iterations,
		sealCommandUs,
		openSnapshotWarmUs,
		openSnapshotColdUs,
		jsonParseSnapshotUs,
		sealedSnapshotBytes: json.length,
		plainSnapshotBytes: JSON.stringify(plain).length
	};
}
