/**
 * Every fixed text the pages show, in English. Spanish (es.ts) is a second dictionary of the same
 * shape (`Messages`), so nothing on screen may bypass this module.
 */
export const en = {
	/** For dates and times (Intl). */
	locale: 'en-US',
	appName: 'Roomcast',
	sending: 'Sending…',
	cancel: 'Cancel',
	dismiss: 'Dismiss',

	connection: {
		label: 'Connection',
		online: 'Connected',
		connecting: 'Connecting…',
		offline: 'Reconnecting…',
		deviceOffline: 'Offline',
		refused: 'Not paired',
		removed: 'Removed',
		savingPaused: 'Saving paused: the server cannot reach its store. Your taps are kept and sent again.',
		outdated: 'Out of date',
		outdatedHelp: 'This page is from a different version of Roomcast than the server. Reload it to keep going.',
		reload: 'Reload'
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
		loadFailed: 'This page did not finish loading. Check the connection, then reload it.',
		awaitingKey: "Waiting for the group's key from another facilitator's phone or laptop. It comes as soon as one of them is open."
	},

	session: {
		start: 'Start session',
		end: 'End session',
		endConfirm: 'End the session? Every name and board item is wiped from all screens.',
		endYes: 'Yes, end session',
		carryHeading: 'Keep parked topics for next time?',
		carryHint: 'Ticked topics join the topics for next time. The rest is wiped.',
		carryFull: (max: number) => `Topics for next time hold at most ${max}: untick one to keep another.`
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
		remove: (name: string) => `Remove ${name} from the queue`,
		/** A name typed while the phone was offline, waiting in its outbox [R50]. */
		sending: 'sending…'
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
		onWall: 'Board on the wall',
		onWallState: 'The room sees it',
		offWallState: 'Off the wall: only facilitators see it',
		/** [R52] Asked when the speaker changed while the board was up. */
		heldQuestion: (name: string | null) =>
			name ? `Board from before is off the wall. Keep it up for ${name}, or clear it?` : 'Board from before is off the wall. Put it back up, or clear it?',
		notSeen: 'Not on the wall',
		keep: 'Keep',
		clearShort: 'Clear',
		newItem: 'New item',
		addTo: 'Add to',
		columnCount: (heading: string, n: number) => `${heading} (${n})`,
		draft: 'Draft: not on the display yet',
		presetLabel: 'Headings',
		presetNames: { balance: 'Good / Not-so-good', change: 'Keep as is / Change' },
		hideColumn: 'Hide from the display',
		stageDraft: 'Stage as a draft (only facilitators see it)',
		draftHint: 'Shift+Enter stages a draft.',
		show: 'Show',
		showItem: (text: string) => `Show "${text}" on the display`
	},

	display: {
		pageTitle: 'Roomcast display',
		welcome: 'Welcome',
		everyone: 'Everyone welcome, come as you are',
		reconnecting: 'Reconnecting…',
		nextUp: 'Next up',
		more: (n: number) => `+${n} more`,
		/** After the count on a bilingual display: "+3 more · más". */
		moreWord: 'more',
		fullscreen: 'Full screen',
		leaveFullscreen: 'Leave full screen',
		/** Above the projector's preview on a phone or laptop. */
		previewLabel: 'What the room sees now'
	},

	clock: {
		heading: 'Clock',
		now: 'Time now',
		next: (when: string) => `Next: ${when}`,
		today: (from: string, to: string) => `Today ${from} – ${to}`,
		startsIn: (min: number) => (min <= 1 ? 'Starts in 1 min' : `Starts in ${min} min`),
		left: (min: number) => (min <= 1 ? '1 min left' : `${min} min left`),
		until: (time: string) => `until ${time}`,
		/** The wrap-up cues carry the live count, the same one as `left` (which they replace while shown). */
		cue: {
			ten: (min: number) => `${min} minutes left`,
			five: (min: number) => (min <= 1 ? '1 minute left — time to start wrapping up' : `${min} minutes left — time to start wrapping up`),
			over: "We're at time"
		},
		unscheduled: 'No schedule: just the time.'
	},

	agreements: {
		heading: 'Our agreements',
		defaults: ['Come and go as you need', 'Ask before giving feedback', 'No threats of any kind'],
		toggle: 'Agreements on the display',
		shownState: 'On the display now',
		hiddenState: 'Not on the display',
	},

	opening: {
		heading: 'Opening words',
		hint: 'Read these to open the group.',
		defaultWords:
			"Hello, and welcome. Everyone is welcome here just as you are, whenever you get here, even five minutes before we end. You can come and go as you need to: you make the call. We call everyone by the name they give as they introduce themselves. We don't allow threats of any kind. Help yourself to coffee, and let's start with check-ins. Would anyone like to start us off?"
	},

	headcount: {
		heading: 'Headcount',
		arrive: 'Someone came in',
		leave: 'Someone left',
		here: 'Here now',
		peak: 'Peak',
		arrivals: 'Arrivals',
		anonymous: 'Anonymous: counts only, never names.'
	},

	parkingLot: {
		heading: 'Parking lot',
		label: 'Topic to come back to',
		add: 'Park it',
		empty: 'Nothing parked.',
		remove: (text: string) => `Take "${text}" out of the parking lot`
	},

	topics: {
		heading: 'Topics for next time',
		label: 'Topic members asked for',
		add: 'Add topic',
		empty: 'No topics asked for yet.',
		remove: (text: string) => `Remove the topic "${text}"`,
		prepare: 'Members asked for these topics: come prepared.'
	},

	privacy: {
		heading: 'Privacy screen',
		up: 'Privacy screen is UP: the display shows only a welcome',
		down: 'The display shows the group',
		raise: 'Put up the privacy screen',
		lower: 'Take down the privacy screen'
	},

	undo: {
		button: 'Undo',
		what: {
			queue: (name: string) => `${name} taken off the queue`,
			item: (text: string) => `"${text}" removed`,
			parkingLot: (text: string) => `"${text}" taken out of the parking lot`,
			board: 'Board cleared'
		}
	},

	lastSession: {
		heading: 'Last session, for your records',
		from: 'Started',
		to: 'Ended',
		peak: 'Most people at once',
		arrivals: 'Arrivals',
		here: 'Still here at the end'
	},

	/** [R53] Past sessions' counts on the desk, for the funders' report. */
	records: {
		heading: 'Records for funders',
		intro: 'Counts only: never a name or a word.',
		kept: (span: string) => `Kept ${span}, then deleted.`,
		span: (days: number) =>
			days % 365 === 0 ? (days === 365 ? '1 year' : `${days / 365} years`) : days >= 60 ? `${Math.round(days / 30.44)} months` : days === 1 ? '1 day' : `${days} days`,
		date: 'Date',
		none: 'No records yet.',
		loading: 'Loading…',
		retry: 'Try again',
		download: 'Download CSV',
		remove: 'Delete',
		removeQuestion: (date: string) => `Delete the record of ${date}?`,
		removeYes: 'Yes, delete',
		clear: 'Delete all records',
		clearQuestion: 'Delete every record?',
		clearYes: 'Yes, delete all'
	},

	/** What a phone or laptop edits that the room does not see right now, said next to it. */
	wall: {
		preview: 'What the room sees',
		privacy: 'Not on the wall: the privacy screen is up.',
		agreements: 'Not on the wall: the agreements are up.',
		boardOff: 'Not on the wall: the board is off the wall.',
		boardHeld: 'Not on the wall until you keep it.',
		columnHidden: 'Not on the wall: this column is hidden.'
	},

	settings: {
		heading: 'Group settings',
		name: 'Name shown on the display',
		schedule: 'Schedule',
		days: 'Days',
		dayNames: { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' },
		dayShort: { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' },
		start: 'Starts at',
		end: 'Ends at',
		timeZone: 'Time zone',
		saveSchedule: 'Save schedule',
		clearSchedule: 'No fixed schedule',
		noSchedule: 'No schedule yet.',
		scheduled: (days: string, from: string, to: string) => `${days}, ${from} – ${to}`,
		pickDay: 'Pick at least one day.',
		opening: 'Opening words',
		openingHint: 'What you read to open each session. Empty: the default words.',
		agreements: 'Agreements',
		agreementsHint: 'A few, shown on the display at the opening. None: the defaults.',
		agreementLabel: (n: number) => `Agreement ${n}`,
		removeAgreement: (n: number) => `Remove agreement ${n}`,
		addAgreement: 'Add an agreement',
		save: 'Save',
		useDefaults: 'Use the defaults',
		usingDefaults: 'Using the default words.',
		displayLanguage: 'Display language'
	},

	language: {
		device: 'Language of this screen',
		short: 'Language',
		names: { en: 'English', es: 'Español', 'en+es': 'English + Español' }
	},

	devices: {
		heading: 'Devices',
		intro: 'Every screen that can open this group. Remove one you no longer use, or that was lost.',
		roles: { facilitator: 'Facilitator', display: 'Display (read-only)' },
		rename: 'Rename',
		renameLabel: (label: string) => `New name for "${label}"`,
		save: 'Save',
		remove: 'Remove',
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
		cancel: 'Cancel',
		thisDevice: 'This device'
	},

	/** The English / Español switch on home, join, pair and the pairing screen. */
	languageSwitch: { label: 'Language' },

	remote: { pageTitle: 'Remote · Roomcast', heading: 'Remote' },
	desk: { pageTitle: 'Desk · Roomcast', heading: 'Desk' }
};

export type Messages = typeof en;
