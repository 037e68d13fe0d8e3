/** Commands about the group's devices: name them, revoke them, pair a projector, invite a co-facilitator. */
import * as v from 'valibot';
import type { CommandSpec } from './command-spec.ts';
import { LIMITS } from './limits.ts';
import { ref, text } from './schema.ts';

const label = text(LIMITS.DEVICE_LABEL_MAX_CHARS);

export const DEVICE_COMMANDS = {
	'device.rename': {
		summary: 'Name a device of the group ("Room 3 projector", "Anna\'s phone").',
		fields: { deviceId: ref(), label },
		example: { deviceId: 'dV3k9x', label: 'Room 3 projector' }
	},
	'device.revoke': {
		summary: 'Remove a device: it is disconnected at once and its credential never works again.',
		fields: { deviceId: ref() },
		example: { deviceId: 'dV3k9x' }
	},
	'device.pair': {
		summary: 'Approve the projector showing this pairing code, and name it. It gets a read-only credential.',
		fields: { code: text(LIMITS.CODE_MAX_CHARS), label },
		example: { code: 'K7PD-3MXA', label: 'Room 3 projector' }
	},
	'invite.create': {
		summary:
			'Make a one-time invite code for another facilitator device. The ack carries `invite: { code, expiresAt }`, for this device only.',
		fields: { label },
		example: { label: "Kim's laptop" }
	},
	'invite.cancel': { summary: 'Cancel a pending invite.', fields: { inviteId: ref() }, example: { inviteId: 'i52' } },
	'device.deliverKey': {
		summary:
			"Hand the group key to an invited facilitator device: the key wrapped for the device's `publicKey` (X25519 + HKDF-SHA256 + AES-256-GCM). The server only relays it.",
		fields: { deviceId: ref(), wrappedKey: text(LIMITS.WRAPPED_KEY_MAX_CHARS) },
		example: { deviceId: 'dK1m2n', wrappedKey: 'w1.<ephemeral public key>.<iv>.<ciphertext>' }
	},
	'pairing.deliverKey': {
		summary:
			"After `device.pair`: the group key wrapped for the projector's public key (from that ack), or null when this device has no key. The projector's next poll gets it.",
		fields: { code: text(LIMITS.CODE_MAX_CHARS), wrappedKey: v.nullable(text(LIMITS.WRAPPED_KEY_MAX_CHARS)) },
		example: { code: 'K7PD-3MXA', wrappedKey: 'w1.<ephemeral public key>.<iv>.<ciphertext>' }
	}
} as const satisfies Record<string, CommandSpec>;
