/**
 * The composition root: reads the configuration, opens the store, and serves the pages (SvelteKit's
 * production build, from BUILD_DIR), the API and Socket.IO on one port, until SIGTERM or SIGINT
 * drains it. Run it with `npm start`. The fault tests (tests/server/faults.server.test.ts) run this
 * very file as a process, kill it and stop it, with a build of no pages.
 */
import express from 'express';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApplication } from './app.ts';
import { openBackend } from './backend.ts';
import { readConfig } from './config.ts';
import { createLogger } from './log.ts';

/** SIGTERM: how long commands in flight get to finish before the sockets close. */
const DRAIN_GRACE_MS = 3000;
const SHUTDOWN_LIMIT_MS = 8000;

const config = readConfig(process.env);
const log = createLogger((line) => {
	process.stdout.write(line + '\n');
	if (config.logFile) appendFileSync(config.logFile, line + '\n');
});
const backend = await openBackend(config, log);

const app = express();
app.disable('x-powered-by');
const httpServer = createServer(app);
const roomcast = createApplication(httpServer, {
	...backend,
	log,
	publicUrl: config.publicUrl,
	allowedOrigins: config.allowedOrigins,
	trustProxyHops: config.trustProxyHops,
	limits: config.limits,
	recordsRetentionDays: config.recordsRetentionDays
});
app.use(roomcast.api);
// [R80] after a failover of the Redis primary, every device here gets a fresh snapshot
backend.onPrimaryChange(() => void roomcast.resync());

// SvelteKit's adapter-node output, imported at run time so this file type-checks without a build.
const handlerUrl = pathToFileURL(path.resolve(process.env.BUILD_DIR ?? 'build', 'handler.js')).href;
const { handler } = (await import(handlerUrl)) as { handler: express.RequestHandler };
app.use(handler);

httpServer.listen(config.port, config.host, () => {
	const address = httpServer.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	log.info('server.listening', { port, store: backend.store.kind });
	const redisWhere = config.redisSentinel
		? `Redis primary "${config.redisSentinel.master}" through ${config.redisSentinel.sentinels.length} Sentinels, acknowledging after ${config.redisMinReplicas} replica(s)`
		: `Redis (REDIS_URL)${config.redisMinReplicas > 0 ? `, acknowledging after ${config.redisMinReplicas} replica(s)` : ''}`;
	const where = backend.store.kind === 'redis' ? redisWhere : 'embedded in-process store (state is lost when this process stops; set REDIS_URL to keep it)';
	console.log(`Roomcast is up on http://${config.host ?? 'localhost'}:${port}, using the ${where}.`);
});

let stopping = false;
async function shutdown() {
	if (stopping) return;
	stopping = true;
	log.info('server.stopping');
	setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
	await roomcast.drain(DRAIN_GRACE_MS);
	await backend.close();
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
