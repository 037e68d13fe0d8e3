import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';

/**
 * `npm run dev` and `vite preview` serve the API and Socket.IO from Vite's own http server, through
 * the same factory as production. `destroyUpgrade: false` leaves Vite's HMR socket alone.
 */
/**
 * The dev server's backend, shared across Vite's restarts (an edited config): Vite makes the new server
 * before it closes the old one, and the embedded store's data directory takes one owner at a time. It
 * is closed when the last server using it closes.
 */
const DEV_BACKEND = Symbol.for('roomcast.devBackend');
type SharedBackend = { opening: Promise<{ close(): Promise<void> }>; users: number };
const registry = globalThis as typeof globalThis & { [DEV_BACKEND]?: SharedBackend };

function roomcastServer(): Plugin {
	async function attach(server: ViteDevServer | PreviewServer) {
		const httpServer = server.httpServer as HttpServer | null;
		if (!httpServer || process.env.VITEST) return; // middleware mode or vitest: nothing to attach to
		// dynamic imports keep socket.io and redis out of the bundled config
		const { readConfig } = await import('./server/config.ts');
		const { createLogger } = await import('./server/log.ts');
		const { openBackend } = await import('./server/backend.ts');
		const { createApplication } = await import('./server/app.ts');
		const config = readConfig(process.env);
		const log = createLogger();
		const shared = (registry[DEV_BACKEND] ??= { opening: openBackend(config, log), users: 0 });
		shared.users += 1;
		const backend = (await shared.opening) as Awaited<ReturnType<typeof openBackend>>;
		const app = createApplication(httpServer, {
			...backend,
			log,
			publicUrl: config.publicUrl,
			allowedOrigins: config.allowedOrigins,
			trustProxyHops: config.trustProxyHops,
			limits: config.limits,
			recordsRetentionDays: config.recordsRetentionDays,
			destroyUpgrade: false
		});
		server.middlewares.use(app.api);
		backend.onStoreRecovered(() => void app.resync());
		log.info('server.dev', { store: backend.store.kind });
		httpServer.once('close', () => {
			void app.close().then(() => {
				shared.users -= 1;
				if (shared.users > 0) return; // a restart: the new server goes on with it
				if (registry[DEV_BACKEND] === shared) delete registry[DEV_BACKEND];
				return backend.close();
			});
		});
	}
	return {
		name: 'roomcast-server',
		configureServer: attach,
		configurePreviewServer: attach
	};
}

/**
 * The pages' socket.io-client speaks WebSocket only (the server accepts nothing else), but
 * engine.io-client imports its HTTP long-polling and WebTransport transports whatever the options:
 * in the pages' build, its table of transports holds the WebSocket one alone (1.3 KB gzipped less on
 * every page, issue 12's budgets). Node (vitest, the server build) keeps the library as it is.
 */
function engineWebSocketOnly(): Plugin {
	const TABLE = 'websocket-only-transports.js';
	return {
		name: 'roomcast-engine-websocket-only',
		apply: 'build',
		enforce: 'pre',
		resolveId(source, importer, options) {
			if (options?.ssr || source !== './transports/index.js' || !importer?.includes(`${path.sep}engine.io-client${path.sep}`)) return null;
			return path.join(path.dirname(importer), 'transports', TABLE);
		},
		load(id) {
			return id.endsWith(`${path.sep}engine.io-client${path.sep}build${path.sep}esm${path.sep}transports${path.sep}${TABLE}`)
				? 'import { WS } from "./websocket.js";\nexport const transports = { websocket: WS };\n'
				: null;
		}
	};
}

export default defineConfig({
	plugins: [engineWebSocketOnly(), sveltekit(), roomcastServer()],
	build: {
		// A route's own lazy imports (a device page's screen) are preloaded with all they need, in parallel;
		// what a screen loads later on a tap (a fold, a question) fetches its scripts' imports then, and
		// only its styles are listed: a list of every script would ship with each first visit (issue
		// 7's page budgets) to save a few milliseconds on a tap.
		modulePreload: {
			resolveDependencies: (_file, deps, { hostId }) => (hostId.includes('/nodes/') ? deps : deps.filter((dep) => dep.endsWith('.css')))
		}
	},
	server: { host: true, port: 5173 },
	preview: { host: true, port: 4173 },
	test: {
		include: ['tests/{unit,store,server,bench}/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/helpers/redis.global.ts'],
		testTimeout: 15_000,
		hookTimeout: 20_000
	}
});
