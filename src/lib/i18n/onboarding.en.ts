/**
 * The words of the pages that set a room up (home, /join, /pair and the projector's pairing screen),
 * in English. Kept apart from en.ts so the device pages (display, remote, desk) never download them;
 * onboarding.es.ts has the same shape.
 */
export const onboardingEn = {
	home: {
		pageTitle: 'Roomcast: start a group',
		heading: 'Start a group',
		intro:
			"Roomcast shows your group on the room's projector. You run it from your phone; a co-facilitator can help from a laptop. Members never need a device.",
		nameLabel: 'Group name',
		nameHint: 'Shown on the projector, for example "Monday drop-in". Never a member\'s name.',
		create: 'Create group',
		creating: 'Creating…',
		makeAnother: 'Make another group',
		yourGroups: 'Your groups',
		yourGroupsHint: 'Kept in this browser only, so you can find their links again.',
		unnamed: (id: string) => `Group ${id}`,
		how: {
			remote: "Scan it with your phone's camera: the remote is how you run the group. On the phone itself, tap Open.",
			display: (pairAddress: string) => `On the projector, open ${pairAddress} and scan the code it shows with your phone. Or open this link there.`,
			desk: "For a co-facilitator's laptop, if there is one: open this link there."
		},
		keepPrivate: 'Keep these links private: anyone with the remote or desk link can run the group.',
		localOnly: (origin: string) =>
			`These links use ${origin}, which only this computer can open: for the phone and the projector, open Roomcast at this computer's network address (for example http://192.168.1.20:3000).`,
		links: {
			display: { label: 'Display', hint: 'for the projector' },
			remote: { label: 'Remote', hint: 'for your phone' },
			desk: { label: 'Desk', hint: "for the co-facilitator's laptop" }
		},
		linkLabel: (label: string) => `${label} link`,
		qrLabel: (label: string) => `QR code of the ${label} link`,
		copy: 'Copy',
		copyLink: (label: string) => `Copy the ${label} link`,
		copied: 'Copied',
		copyFailed: 'Copy it by hand: the link is selected.',
		open: 'Open',
		openLink: (label: string) => `Open the ${label} link`,
		forget: 'Forget on this device',
		forgetQuestion: (name: string) =>
			`Forget ${name} on this device? Its links are removed from this browser. The group and its other devices keep working; if no other device has its remote or desk link, nobody can run it any more.`,
		forgetYes: 'Yes, forget it here',
		networkError: 'Could not reach the server. Check the connection and try again.',
		unexpected: 'The server gave an answer this page does not understand. Try again.'
	},

	pairing: {
		pageTitle: 'Pair this screen · Roomcast',
		heading: 'Pair this screen',
		scan: 'Scan the QR code with the phone you run the group from.',
		qrLabel: 'QR code to pair this screen',
		localOnly: 'This screen is open at localhost: a phone cannot open its code. Type the code instead, or open /display at this computer’s network address.',
		instructions: 'Or, on the remote or the desk, open Devices, choose “Pair a projector”, and type this code:',
		expires: (minutes: number) => (minutes <= 1 ? 'A new code comes in a minute.' : `A new code comes in ${minutes} minutes.`),
		waiting: 'Getting a code…',
		slowDown: 'Too many codes were asked for from here. Trying again shortly.',
		offline: 'Cannot reach the server. Trying again…',
		paired: 'Paired. Opening the group…'
	},

	pair: {
		outdated: 'This page is from a different version of Roomcast than the server: reload it, then pair again.',
		pageTitle: 'Pair a screen · Roomcast',
		heading: 'Pair a screen',
		intro: 'Show one of your groups on the screen that shows this code.',
		codeLabel: 'Code on the screen',
		codeHint: 'Filled in when you scan the screen’s QR code. You can also type it.',
		groupLabel: 'Group to show',
		nameLabel: 'Name for the screen',
		defaultName: 'Projector',
		pair: 'Pair this screen',
		pairing: 'Pairing…',
		waitingServer: 'Waiting for the server…',
		noCode: 'Type the code the screen shows.',
		codeRefused:
			'That code did not work: it may be mistyped, used already, or expired. Check the code on the screen (a new one comes every 10 minutes) and try again.',
		slowDown: 'Too many tries from here. Wait a few minutes and try again.',
		removed: 'This device can no longer run that group: a facilitator removed it.',
		done: (screen: string, group: string) => `“${screen}” shows ${group} now.`,
		openRemote: 'Open the remote',
		openDesk: 'Open the desk',
		again: 'Pair another screen',
		noGroups: 'This device does not run a group yet.',
		noGroupsHow:
			'Open your remote link on this phone first: on the computer where you made the group, scan its Remote QR code. Then scan the screen’s code again. Or make a group here.',
		makeGroup: 'Make a group'
	},

	join: {
		pageTitle: 'Join as a facilitator · Roomcast',
		heading: 'Join a group as a facilitator',
		intro: 'Type the invite code shown on the other facilitator’s device.',
		codeLabel: 'Invite code',
		kindLabel: 'This device is',
		phone: 'a phone (remote)',
		laptop: 'a laptop (desk)',
		join: 'Join',
		joining: 'Joining…',
		codeRefused: 'That code did not work: it may be mistyped, used already, cancelled or expired. Ask for a new one.',
		slowDown: 'Too many tries from here. Wait a few minutes and try again.',
		offline: 'Cannot reach the server. Check the connection and try again.'
	}
};

export type OnboardingMessages = typeof onboardingEn;
