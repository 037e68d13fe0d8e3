/**
 * `/g/<id>/remote|desk|display`: the three device pages are one route, and their URLs stay the public
 * contract. Self-contained on purpose: matchers ship in the client entry of every page.
 */
const DEVICES = ['remote', 'desk', 'display'] as const;

export function match(param: string): param is (typeof DEVICES)[number] {
	return (DEVICES as readonly string[]).includes(param);
}
