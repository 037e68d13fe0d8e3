/**
 * `npm start`'s command line, read from package.json, so that whatever starts the production server
 * in a test or the bench (tests/helpers/server-process.ts, tests/bench/processes.ts, the browser
 * tests' web server) runs the same entry file with the same Node flags, and follows when they change.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartCommand {
	/** Node's own flags, e.g. `--max-semi-space-size=64`. */
	nodeFlags: string[];
	/** The entry file, relative to the repository, e.g. `dist/server.js`. */
	entry: string;
	/** As written in package.json, e.g. `node --max-semi-space-size=64 dist/server.js`. */
	line: string;
}

export function startCommand(): StartCommand {
	const line = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
	const [program, ...args] = line.trim().split(/\s+/);
	const entryAt = args.findIndex((arg) => !arg.startsWith('-'));
	if (program !== 'node' || entryAt !== args.length - 1) throw new Error(`npm start is expected to be "node [flags] <entry file>", not "${line}"`);
	return { nodeFlags: args.slice(0, entryAt), entry: args[entryAt], line };
}

/** The entry file's absolute path. */
export const entryPath = () => `${ROOT}${startCommand().entry}`;
