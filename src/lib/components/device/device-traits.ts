/**
 * What kind of facilitator device a component is on. The phone is used by touch, often one-handed:
 * it shows no keyboard-only hints ("Escape undoes") and gives every field a button. The desk is
 * keyboard-first.
 */
import { getContext, setContext } from 'svelte';

export interface DeviceTraits {
	kind: 'remote' | 'desk';
	/** Enter/Escape and shortcuts are the way in; hints for them are worth their space. */
	keyboard: boolean;
}

const KEY = Symbol('device-traits');

export function setDeviceTraits(traits: DeviceTraits): void {
	setContext(KEY, traits);
}

/** Keyboard-first unless a screen said otherwise. */
export function keyboardFirst(): boolean {
	return getContext<DeviceTraits | undefined>(KEY)?.keyboard ?? true;
}
