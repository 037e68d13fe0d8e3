// `npm start` right after `npm install`: build the pages first when there is no build yet.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('build/handler.js')) {
	console.log('No production build yet: building the pages once (about a minute)...');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
