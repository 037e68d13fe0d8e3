/**
 * A Roomcast server process for fault tests: the same factory and backend as server/index.ts, on a
 * bare http server (no pages), so a test can kill -9 it and start it again.
 */
import { createServer } from 'node:http';
import { createApplication } from '../../server/app.ts';
import { openBackend } from '../../server/backend.ts';
import { readConfig } from '../../server/config.ts';
import { createLimiters } from '../../server/limits.ts';
import { createLogger } from '../../server/log.ts';

const config = readConfig(process.env);
const log = createLogger(() => {});
const backend = await openBackend(config, log);
const http = createServer();
const app = createApplication(http, {
	...backend,
	log,
	limiters: createLimiters({ connectionsPerMinutePerAddress: 100_000, commandsPer10sPerDevice: 100_000 })
});
http.on('request', app.api);
http.listen(config.port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', async () => {
	await app.drain(3000);
	await backend.close();
	process.exit(0);
});
