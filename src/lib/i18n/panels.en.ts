/**
 * The words of the facilitators' folded panels (devices, group settings, records for funders), in
 * English: loaded with the panels, when one is first opened on the phone. panels.es.ts has the same shape.
 */
export const panelsEn = {
	devices: {
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

	settings: {
		name: 'Name shown on the display',
		schedule: 'Schedule',
		days: 'Days',
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

	records: {
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
	}
};

export type PanelMessages = typeof panelsEn;
