/**
 * What a device page says when it cannot show its group (not paired, removed, its group gone, a key
 * that does not open it), in English. Loaded only when a page needs it: most visits never do.
 * unpaired.es.ts has the same shape.
 */
export const unpairedEn = {
	display: 'This screen is not paired with a group. Open the display link again.',
	remote: 'This phone is not paired with a group. Open the remote link again.',
	desk: 'This laptop is not paired with a group. Open the desk link again.',
	removed: 'A facilitator removed this device from the group. Nothing of the group is kept on it.',
	unreadable: "This screen can't read the group: pair it again.",
	/** [R49] A phone or laptop gets the group's key in its link: a damaged or old link is opened again. */
	openLinkAgain: {
		remote: "This phone can't read the group. Open the remote link again, all of it.",
		desk: "This laptop can't read the group. Open the desk link again, all of it."
	},
	/** After "open the link again": what it means when the whole link does not work either. */
	linkDidNotWork: {
		display: (address: string) => `Or pair it by code: open ${address} on this screen, then approve its code on a facilitator's phone.`,
		remote: 'If the whole link does not open it either, the group is no longer on this server, or this phone was removed from it: make a new group, or ask whoever runs it for a new link.',
		desk: 'If the whole link does not open it either, the group is no longer on this server, or this laptop was removed from it: make a new group, or ask whoever runs it for a new link.'
	},
	/** The server refused a credential that opened the group here before (R25: only this device can know that). */
	gone: {
		heading: 'This group is no longer on this server',
		why: {
			display: 'This screen showed it before. The group was deleted or expired, the server lost its data, or a facilitator removed this screen.',
			remote: 'This phone ran it before. The group was deleted or expired, the server lost its data, or a facilitator removed this phone.',
			desk: 'This laptop ran it before. The group was deleted or expired, the server lost its data, or a facilitator removed this laptop.'
		},
		what: {
			display: (address: string) => `Pair it again: open ${address} on this screen, then approve its code on a facilitator's phone.`,
			remote: 'If you run the group, make a new one and pair your screens again. If someone else runs it, ask them for a new link.',
			desk: 'If you run the group, make a new one and pair your screens again. If someone else runs it, ask them for a new link.'
		}
	},
	makeGroup: 'Make a new group',
	awaitingKey: "Waiting for the group's key from another facilitator's phone or laptop. It comes as soon as one of them is open."
};

export type UnpairedMessages = typeof unpairedEn;
