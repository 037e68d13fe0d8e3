/** [R29] Rules for the recurring group: settings and topics for next time. They need no session. */
import { ERROR_CODE, LIMITS, type CommandOf, type GroupInfo, type RoomState } from '../protocol/protocol.ts';
import { withoutRecords } from './room.records.ts';
import { assertNever, refuse, type ApplyResult, type Step } from './room.result.ts';

export type GroupCommand = CommandOf<
	| 'group.rename'
	| 'group.setSchedule'
	| 'group.clearSchedule'
	| 'group.setOpeningWords'
	| 'group.setAgreements'
	| 'group.setLanguage'
	| 'topics.add'
	| 'topics.remove'
	| 'records.remove'
	| 'records.clear'
>;

export function applyGroupCommand(state: RoomState, c: GroupCommand, step: Step): ApplyResult {
	const put = (next: Partial<GroupInfo>): ApplyResult => ({ ok: true, state: { ...state, group: { ...state.group, ...next } } });
	const group = state.group;
	switch (c.type) {
		case 'group.rename':
			return put({ name: c.name });
		case 'group.setSchedule': {
			if (c.start === c.end) return refuse(ERROR_CODE.invalidField, 'The group must end at a different time than it starts.'); // [R41]
			const { days, start, end, timeZone } = c;
			return put({ schedule: { days, start, end, timeZone } });
		}
		case 'group.clearSchedule':
			return put({ schedule: null });
		case 'group.setOpeningWords':
			return put({ openingWords: c.text });
		case 'group.setAgreements':
			return put({ agreements: c.agreements });
		case 'group.setLanguage':
			return put({ language: c.language });
		case 'topics.add': // [R33]
			if (group.topics.length >= LIMITS.TOPICS_MAX) return refuse(ERROR_CODE.full, `At most ${LIMITS.TOPICS_MAX} topics can wait for next time.`);
			return put({ topics: [...group.topics, { id: `t${step.version}`, text: c.text }] });
		case 'topics.remove':
			if (!group.topics.some((t) => t.id === c.topicId)) return refuse(ERROR_CODE.notFound, 'That topic is no longer on the list.');
			return put({ topics: group.topics.filter((t) => t.id !== c.topicId) });
		case 'records.remove': // [R53]
			if (!group.records.some((r) => r.id === c.recordId)) return refuse(ERROR_CODE.notFound, 'That session is no longer in the records.');
			return { ok: true, state: { ...state, group: withoutRecords(group, c.recordId) } };
		case 'records.clear': // [R53]
			return { ok: true, state: { ...state, group: withoutRecords(group, null) } };
		default:
			return assertNever(c);
	}
}
