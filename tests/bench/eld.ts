/**
 * Event-loop delay. `monitorEventLoopDelay` records the whole time between two runs of its timer
 * (its resolution plus the delay): an idle process shows about 10.2 ms at a 10 ms resolution. The
 * delay is what is over the resolution.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

export function eventLoopMonitor(): IntervalHistogram {
	const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
	histogram.enable();
	return histogram;
}

/** The delay at percentile `p` (or the max when `p` is omitted), in ms. */
export function delayMs(histogram: IntervalHistogram, p?: number): number {
	const nanos = p === undefined ? histogram.max : histogram.percentile(p);
	return Math.max(0, nanos / 1e6 - RESOLUTION_MS);
}
