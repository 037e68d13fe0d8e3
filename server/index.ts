/**
 * The composition root: reads the configuration, opens the store, and serves the pages (SvelteKit's
 * production build, from BUILD_DIR), the API and Socket.IO on one port, until SIGTERM or SIGINT
 * drains it. `npm run build` compiles it to dist/server.js, which `npm start` runs with plain Node.
 * The fault and restart tests (tests/server/*.server.test.ts, through tests/helpers/server-process.ts)
 * run that very file with `npm start`'s command line, kill it and stop it, with a build of no pages.
 */
import express from 'express';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApplication } from './app.ts';
import { openBackend, type Backend } from './backend.ts';
import { readConfig } from './config.ts';
import { createLogger } from './log.ts';
import { DataDirError } from './store/dir-lock.ts';
import packageJson from '../package.json' with { type: 'json' };

/** SIGTERM: how long commands in flight get to finish before the sockets close. */
const DRAIN_GRACE_MS = 3000;
const SHUTDOWN_LIMIT_MS = 8000;

const config = readConfig(process.env);
// a buffered stream: a synchronous append per line would hold the event loop on every log line
const logFile = config.logFile ? createWriteStream(config.logFile, { flags: 'a' }) : null;
logFile?.once('error', (error: NodeJS.ErrnoException) => console.error(`LOG_FILE ${config.logFile} cannot be written (${error.code}): logging to the standard output only.`));
const log = createLogger((line) => {
	process.stdout.write(line + '\n');
	logFile?.write(line + '\n');
});
let backend: Backend;
try {
	backend = await openBackend(config, log);
} catch (error) {
	if (!(error instanceof DataDirError)) throw error;
	console.error(error.message);
	process.exit(1);
}

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
	recordsRetentionDays: config.recordsRetentionDays,
	version: packageJson.version
});
app.use(roomcast.api);
// [R80] after a failover of the Redis primary, or Redis back after an outage, every device here gets the store's state
backend.onStoreRecovered(() => void roomcast.resync());

// SvelteKit's adapter-node output, imported at run time so this file type-checks without a build.
const handlerUrl = pathToFileURL(path.resolve(process.env.BUILD_DIR ?? 'build', 'handler.js')).href;
const { handler } = (await import(handlerUrl)) as { handler: express.RequestHandler };
app.use(handler);

httpServer.listen(config.port, config.host, () => {
	const address = httpServer.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	log.info('server.listening', { port, store: backend.store.kind });
	const redisWhere = config.redisSentinel
		? `the Redis primary "${config.redisSentinel.master}" through ${config.redisSentinel.sentinels.length} Sentinels, acknowledging after ${config.redisMinReplicas} replica(s)`
		: `Redis (REDIS_URL)${config.redisMinReplicas > 0 ? `, acknowledging after ${config.redisMinReplicas} replica(s)` : ''}`;
	const where = backend.dataDir
		? `the embedded store in ${backend.dataDir} (kept across restarts; DATA_DIR to move it, REDIS_URL to use Redis instead)`
		: redisWhere;
	console.log(`Roomcast ${packageJson.version} is up on http://${config.host ?? 'localhost'}:${port}, using ${where}.`);
});

let stopping = false;
async function shutdown() {
	if (stopping) return;
	stopping = true;
	log.info('server.stopping');
	setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
	await roomcast.drain(DRAIN_GRACE_MS);
	await backend.close();
	if (logFile) await new Promise((resolve) => logFile.end(resolve));
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
