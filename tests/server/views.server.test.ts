import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedStore } from '../helpers/embedded.ts';
import { connectClient, createGroup, startServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ store: await embeddedStore() });
});
afterAll(() => server.close());

describe('each role is sent its own view', () => {
	it('[R34][R37][R40] drafts and the privacy screen: the display never receives what it must not show', async () => {
		const keys = await createGroup(server.url);
		const desk = await connectClient(server.url, { groupId: keys.groupId, key: keys.desk });
		const display = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		await desk.send({ id: 'v1', type: 'session.start' });
		await desk.send({ id: 'v2', type: 'board.addDraft', column: 'right', text: 'Only facilitators see this draft' });
		await desk.send({ id: 'v3', type: 'speaker.set', name: 'Casey' });
		const shown = await display.waitFor((s) => s.version === 4);
		expect(shown.session!.speaker!.name).toBe('Casey');
		const deskView = await desk.waitFor((s) => s.version === 4);
		expect(deskView.session!.board.columns.right).toHaveLength(1);

		await desk.send({ id: 'v4', type: 'privacy.blank', on: true });
		const blanked = await display.waitFor((s) => s.version === 5);
		expect(blanked.session!.privacy).toBe(true);
		expect(blanked.session!.speaker).toBeNull();
		for (const s of display.snapshots) expect(JSON.stringify(s)).not.toContain('Only facilitators');

		// a display that connects behind the privacy screen gets the blank view at once
		const late = await connectClient(server.url, { groupId: keys.groupId, key: keys.display });
		expect(JSON.stringify(late.latest())).not.toContain('Casey');
		await desk.send({ id: 'v5', type: 'privacy.blank', on: false });
		expect((await late.waitFor((s) => s.version === 6)).session!.speaker!.name).toBe('Casey');
		for (const c of [desk, display, late]) c.close();
	});
});
