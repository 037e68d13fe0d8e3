import type { Handle } from '@sveltejs/kit';

/** Links carry credentials in their fragment; make sure no page ever leaks its address onward. */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('referrer-policy', 'no-referrer');
	response.headers.set('x-content-type-options', 'nosniff');
	return response;
};
