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

	errorHeading: 'Not done',
	/** A device page whose screen did not finish loading (offline): said without loading anything more. */
	loadFailed: 'This page did not finish loading. Check the connection, then reload it.',

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
		dayNames: { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' },
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

	/** The English / Español switch on home, join, pair and the pairing screen. */
	language: {
		device: 'Language of this screen',
		short: 'Language',
		names: { en: 'English', es: 'Español', 'en+es': 'English + Español' }
	},

	languageSwitch: { label: 'Language' },

	remote: { pageTitle: 'Remote · Roomcast', heading: 'Remote' },
	desk: { pageTitle: 'Desk · Roomcast', heading: 'Desk' }
};

export type Messages = typeof en;
