/**
 * Every fixed text the pages show, in English. Spanish will be a second dictionary of the same shape
 * (`Messages`), so nothing on screen may bypass this module.
 */
export const en = {
	appName: 'Roomcast',
	sending: 'Sending…',
	cancel: 'Cancel',
	dismiss: 'Dismiss',

	home: {
		pageTitle: 'Roomcast: start a group',
		heading: 'Start a group',
		intro:
			"Roomcast shows your group on the room's projector. You run it from your phone; a co-facilitator can help from a laptop. Members never need a device.",
		nameLabel: 'Group name',
		nameHint: 'Shown on the projector, for example "Monday drop-in". Never a member\'s name.',
		create: 'Create group',
		creating: 'Creating…',
		linksHeading: (name: string) => `Links for ${name}`,
		instructions: [
			'Open the display link on the projector laptop.',
			'Open the remote link on your phone.',
			"Open the desk link on the co-facilitator's laptop, if there is one."
		],
		keepPrivate: 'Keep these links private: anyone with the remote or desk link can run the group.',
		links: {
			display: { label: 'Display', hint: 'for the projector' },
			remote: { label: 'Remote', hint: 'for your phone' },
			desk: { label: 'Desk', hint: "for the co-facilitator's laptop" }
		},
		linkLabel: (label: string) => `${label} link`,
		copy: 'Copy',
		copyLink: (label: string) => `Copy the ${label} link`,
		copied: 'Copied',
		copyFailed: 'Copy it by hand: the link is selected.',
		open: 'Open',
		openLink: (label: string) => `Open the ${label} link`,
		networkError: 'Could not reach the server. Check the connection and try again.',
		unexpected: 'The server gave an answer this page does not understand. Try again.'
	},

	connection: {
		label: 'Connection',
		online: 'Connected',
		connecting: 'Connecting…',
		offline: 'Reconnecting…',
		deviceOffline: 'Offline',
		refused: 'Not paired',
		removed: 'Removed',
		savingPaused: 'Saving paused: the server cannot reach its store. Your taps are kept and sent again.'
	},
	pending: {
		none: 'All sent',
		some: (n: number) => (n === 1 ? '1 sending…' : `${n} sending…`)
	},
	errorHeading: 'Not done',

	unpaired: {
		display: 'This screen is not paired with a group. Open the display link again.',
		remote: 'This phone is not paired with a group. Open the remote link again.',
		desk: 'This laptop is not paired with a group. Open the desk link again.',
		removed: 'A facilitator removed this device from the group. Nothing of the group is kept on it.',
		unreadable: "This screen can't read the group: pair it again.",
		awaitingKey: "Waiting for the group's key from another facilitator's phone or laptop. It comes as soon as one of them is open."
	},

	session: {
		heading: 'Session',
		none: 'No session is running.',
		running: 'A session is running.',
		start: 'Start session',
		end: 'End session',
		endConfirm: 'End the session? Every name and board item is wiped from all screens.',
		endYes: 'Yes, end session'
	},

	speaker: {
		heading: 'Speaker',
		current: 'Speaking now',
		nobody: 'Nobody is speaking.',
		nameLabel: 'Name, as given',
		set: 'Set speaker',
		clear: 'Clear speaker'
	},

	permission: {
		heading: 'Feedback',
		question: 'May the group give feedback?',
		unasked: 'Not asked yet',
		granted: 'Feedback welcome',
		declined: 'Just listening'
	},

	queue: {
		heading: 'Queue',
		nameLabel: 'Name to add',
		add: 'Add to queue',
		empty: 'Nobody is waiting.',
		next: 'Next',
		nextWho: (name: string) => `Next: ${name}`,
		moveUp: (name: string) => `Move ${name} up`,
		moveDown: (name: string) => `Move ${name} down`,
		remove: (name: string) => `Remove ${name} from the queue`
	},

	board: {
		heading: 'Board',
		untitled: 'Decisional balance',
		/** The default headings of each preset (R39), which a `null` heading stands for. */
		presets: {
			balance: { left: 'Good things', right: 'Not-so-good things' },
			change: { left: 'Reasons to keep things as they are', right: 'Reasons to change' }
		},
		count: (n: number) => (n === 1 ? '1 item' : `${n} items`),
		titleLabel: 'Board title',
		headingLabel: (fallback: string) => `Heading of the "${fallback}" column`,
		enterSaves: 'Enter saves, Escape undoes.',
		selectColumn: 'Add items to',
		switchHint: 'Ctrl+. switches column',
		newItemLabel: (heading: string) => `New item for "${heading}"`,
		enterAdds: 'Enter adds it.',
		add: 'Add item',
		empty: 'No items yet.',
		edit: 'Edit',
		editLabel: (text: string) => `Edit "${text}"`,
		editField: 'Item text',
		save: 'Save',
		moveUp: (text: string) => `Move "${text}" up`,
		moveDown: (text: string) => `Move "${text}" down`,
		moveTo: (text: string, heading: string) => `Move "${text}" to "${heading}"`,
		remove: (text: string) => `Remove "${text}"`,
		clear: 'Clear board',
		clearConfirm: 'Clear the board? The title and every item are removed; the headings stay.',
		clearYes: 'Yes, clear board',
		editOnDesk: 'Edit the board on the desk laptop.',
		draft: 'Draft: not on the display yet',
		hidden: 'Hidden from the display'
	},

	display: {
		pageTitle: 'Roomcast display',
		welcome: 'Welcome',
		reconnecting: 'Reconnecting…',
		nextUp: 'Next up',
		more: (n: number) => `+${n} more`
	},

	devices: {
		heading: 'Devices',
		intro: 'Every screen that can open this group. Remove one you no longer use, or that was lost.',
		roles: { facilitator: 'Facilitator', display: 'Display (read-only)' },
		rename: 'Rename',
		renameLabel: (label: string) => `New name for "${label}"`,
		save: 'Save',
		remove: 'Remove',
		removeLabel: (label: string) => `Remove "${label}"`,
		removeQuestion: (label: string) => `Remove "${label}"? It is disconnected at once and can never open the group again.`,
		removeYes: 'Yes, remove',
		pairHeading: 'Pair a projector',
		pairIntro: 'Open /display on the projector. Type the code it shows, and give it a name.',
		codeLabel: 'Code on the projector',
		nameLabel: 'Name for it',
		namePlaceholder: 'Room 3 projector',
		pair: 'Pair',
		paired: (label: string) => `"${label}" is paired. It shows the group now.`,
		inviteHeading: 'Invite a co-facilitator',
		inviteIntro: 'Makes a one-time code for another facilitator phone or laptop. Show it only on this device, never on the projector.',
		inviteLabel: 'Whose device?',
		invitePlaceholder: "Kim's laptop",
		invite: 'Make invite code',
		inviteCode: 'Invite code',
		inviteHow: (origin: string) => `On the other device, open ${origin}/join and type this code.`,
		expires: (time: string) => `Works once, until ${time}.`,
		hideCode: 'Hide code',
		pending: 'Waiting invites',
		cancelInvite: (label: string) => `Cancel the invite for "${label}"`,
		cancel: 'Cancel'
	},

	pairing: {
		pageTitle: 'Pair this screen · Roomcast',
		heading: 'Pair this screen',
		instructions: 'On the facilitator’s phone or laptop, open Devices, choose “Pair a projector”, and type this code:',
		expires: (minutes: number) => (minutes <= 1 ? 'A new code comes in a minute.' : `A new code comes in ${minutes} minutes.`),
		waiting: 'Getting a code…',
		slowDown: 'Too many codes were asked for from here. Trying again shortly.',
		offline: 'Cannot reach the server. Trying again…',
		paired: 'Paired. Opening the group…'
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
		offline: 'Cannot reach the server. Check the connection and try again.'
	},

	remote: { pageTitle: 'Remote · Roomcast', heading: 'Remote' },
	desk: { pageTitle: 'Desk · Roomcast', heading: 'Desk' }
};

export type Messages = typeof en;
