import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		typescript: {
			// svelte-check also type-checks the server, the scripts and the tests
			config(cfg) {
				cfg.include.push('../server/**/*.ts', '../scripts/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};

export default config;
