/** Rules for the running session: speaker, permission, queue, headcount, parking lot, screens, undo. */
import { ERROR_CODE, LIMITS, PERMISSION, type CommandOf, type Session } from '../protocol/protocol.ts';
import { assertNever, moveWithin, refuse, withSession, type SessionResult, type Step } from './room.result.ts';
import { boardAfterSpeakerChange } from './room.board.ts';
import { applyUndo, toTrash } from './room.undo.ts';

export type SessionCommand = CommandOf<
	| 'speaker.set'
	| 'speaker.clear'
	| 'feedback.set'
	| 'queue.add'
	| 'queue.move'
	| 'queue.remove'
	| 'queue.next'
	| 'headcount.arrive'
	| 'headcount.leave'
	| 'parkingLot.add'
	| 'parkingLot.remove'
	| 'privacy.blank'
	| 'agreements.show'
	| 'undo'
>;

const gone = () => refuse(ERROR_CODE.notFound, 'That person is no longer in the queue.');

export function applySessionCommand(s: Session, c: SessionCommand, step: Step): SessionResult {
	switch (c.type) {
		case 'speaker.set': // [R6] a new turn always starts by asking; [R35] the opening is over; [R52]
			return withSession({ ...s, speaker: newSpeaker(c.name, step), agreementsShown: false, board: boardAfterSpeakerChange(s.board) });
		case 'speaker.clear': // [R8][R52]
			if (!s.speaker) return refuse(ERROR_CODE.noSpeaker, 'Nobody is speaking.');
			return withSession({ ...s, speaker: null, board: boardAfterSpeakerChange(s.board) });
		case 'feedback.set': // [R7]
			if (!s.speaker) return refuse(ERROR_CODE.noSpeaker, 'Nobody is speaking, so there is nobody to ask.');
			return withSession({ ...s, speaker: { ...s.speaker, permission: c.permission } });
		case 'queue.add': // [R9]
			if (s.queue.length >= LIMITS.QUEUE_MAX) return refuse(ERROR_CODE.full, `The queue holds at most ${LIMITS.QUEUE_MAX} people.`);
			return withSession({ ...s, queue: [...s.queue, { id: `q${step.version}`, name: c.name }] });
		case 'queue.move': {
			const from = s.queue.findIndex((e) => e.id === c.entryId);
			if (from < 0) return gone(); // [R11]
			return withSession({ ...s, queue: moveWithin(s.queue, from, c.toIndex) }); // [R10]
		}
		case 'queue.remove': {
			const index = s.queue.findIndex((e) => e.id === c.entryId);
			if (index < 0) return gone();
			const trash = toTrash(s.trash, { kind: 'queue', index, entry: s.queue[index] }, step); // [R36]
			return withSession({ ...s, queue: s.queue.filter((e) => e.id !== c.entryId), trash });
		}
		case 'queue.next': {
			const [first, ...rest] = s.queue; // [R12]
			if (!first) return refuse(ERROR_CODE.queueEmpty, 'Nobody is waiting in the queue.');
			return withSession({ ...s, queue: rest, speaker: newSpeaker(first.name, step), agreementsShown: false, board: boardAfterSpeakerChange(s.board) }); // [R52]
		}
		case 'headcount.arrive': {
			const here = s.headcount.here + 1; // [R31]
			const { peak, arrivals } = s.headcount;
			return withSession({ ...s, headcount: { here, peak: Math.max(peak, here), arrivals: arrivals + 1 } });
		}
		case 'headcount.leave':
			if (s.headcount.here === 0) return refuse(ERROR_CODE.nobodyHere, 'The headcount is already 0.');
			return withSession({ ...s, headcount: { ...s.headcount, here: s.headcount.here - 1 } });
		case 'parkingLot.add': // [R32]
			if (s.parkingLot.length >= LIMITS.PARKING_LOT_MAX)
				return refuse(ERROR_CODE.full, `The parking lot holds at most ${LIMITS.PARKING_LOT_MAX} topics.`);
			return withSession({ ...s, parkingLot: [...s.parkingLot, { id: `p${step.version}`, text: c.text }] });
		case 'parkingLot.remove': {
			const index = s.parkingLot.findIndex((t) => t.id === c.topicId);
			if (index < 0) return refuse(ERROR_CODE.notFound, 'That topic is no longer in the parking lot.');
			const trash = toTrash(s.trash, { kind: 'parkingLot', index, topic: s.parkingLot[index] }, step);
			return withSession({ ...s, parkingLot: s.parkingLot.filter((t) => t.id !== c.topicId), trash });
		}
		case 'privacy.blank': // [R34]
			return withSession({ ...s, privacy: c.on });
		case 'agreements.show': // [R35]
			return withSession({ ...s, agreementsShown: c.on });
		case 'undo': // [R36]
			return applyUndo(s, c.undoId, step);
		default:
			return assertNever(c);
	}
}

function newSpeaker(name: string, step: Step) {
	return { name, permission: PERMISSION.unasked, since: step.now };
}
