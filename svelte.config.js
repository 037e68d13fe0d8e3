import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// [R47] no inline script that is not hashed or nonced; no framing; same-origin sockets only;
		// the service worker (src/service-worker.ts) and the device pages' manifests from this origin
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// svelte-check also type-checks the server, the scripts and the tests
			config(cfg) {
				cfg.include.push('../server/**/*.ts', '../scripts/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};

export default config;
