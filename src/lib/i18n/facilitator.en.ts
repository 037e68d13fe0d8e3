/**
 * The words only the facilitators' devices (remote and desk) show, in English: connection and
 * outbox, session, headcount, privacy screen, undo, records, devices, settings. Kept apart from en.ts
 * so the projector's page never downloads them; facilitator.es.ts has the same shape.
 */
export const facilitatorEn = {
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
		reload: 'Reload',
		/** A page opened without the network (from the offline shell): no group to show yet. */
		waitingForGroup: 'Waiting for the network. The group shows here as soon as this device is back online; taps not yet sent are kept and go then.'
	},

	pending: {
		none: 'All sent',
		some: (n: number) => (n === 1 ? '1 sending…' : `${n} sending…`)
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

	headcount: {
		heading: 'Headcount',
		arrive: 'Someone came in',
		leave: 'Someone left',
		here: 'Here now',
		peak: 'Peak',
		arrivals: 'Arrivals',
		anonymous: 'Anonymous: counts only, never names.'
	},

	privacy: {
		heading: 'Privacy screen',
		up: 'Privacy screen is UP: the display shows only a welcome',
		down: 'The display shows the group',
		raise: 'Put up the privacy screen',
		lower: 'Take down the privacy screen'
	},

	// the phone's action bar: short enough for three buttons in a row of a 360 px phone, in every language
	actionBar: {
		privacy: 'Privacy screen',
		permission: { unasked: 'Not asked yet', granted: 'Feedback welcome', declined: 'Just listening' }
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

	wall: {
		preview: 'What the room sees',
		privacy: 'Not on the wall: the privacy screen is up.',
		agreements: 'Not on the wall: the agreements are up.',
		boardOff: 'Not on the wall: the board is off the wall.',
		boardHeld: 'Not on the wall until you keep it.',
		columnHidden: 'Not on the wall: this column is hidden.'
	},
	/** The folded panels' headings, shown while they are closed (their words load when opened). */
	panelHeadings: { devices: 'Devices', settings: 'Group settings', records: 'Records for funders' }
};

export type FacilitatorMessages = typeof facilitatorEn;
