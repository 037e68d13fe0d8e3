// A SvelteKit build with no pages, for running server/index.ts in the fault tests: every page is 404.
/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
export const handler = (_req, res) => {
	res.statusCode = 404;
	res.end();
};
