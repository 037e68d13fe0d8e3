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
		refused: 'Not paired'
	},
	pending: {
		none: 'All sent',
		some: (n: number) => (n === 1 ? '1 sending…' : `${n} sending…`)
	},
	errorHeading: 'Not done',

	unpaired: {
		display: 'This screen is not paired with a group. Open the display link again.',
		remote: 'This phone is not paired with a group. Open the remote link again.',
		desk: 'This laptop is not paired with a group. Open the desk link again.'
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

	remote: { pageTitle: 'Remote · Roomcast', heading: 'Remote' },
	desk: { pageTitle: 'Desk · Roomcast', heading: 'Desk' }
};

export type Messages = typeof en;
