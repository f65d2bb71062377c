/**
 * Fixes the clock of a test file at Paris wall-clock instants. Only `Date` is faked (timers,
 * microtasks, hrtime and performance stay real), so n8n's engine and the sandbox's HTTP server
 * run as usual; the node and the sandbox both read the fixed time. The default clock of the
 * suite (test/setup/clock.ts, an allowed time) is undone first.
 */
import { DateTime } from 'luxon';

const REAL_APIS = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/** `2027-03-06T19:59` read as Paris time, whatever TZ the tests run under. */
export function paris(wallClock: string): Date {
	const date = DateTime.fromISO(wallClock, { zone: 'Europe/Paris' });
	if (!date.isValid) throw new Error(`not a date: ${wallClock}`);
	return date.toJSDate();
}

/** Every test starts on Wednesday 3 March 2027 at 10:00 Paris time; `setNow` moves the clock. */
export function useParisClock(): { setNow(wallClock: string): void } {
	beforeAll(() => {
		jest.restoreAllMocks();
		jest.useFakeTimers({ doNotFake: [...REAL_APIS], now: paris('2027-03-03T10:00') });
	});
	beforeEach(() => {
		jest.setSystemTime(paris('2027-03-03T10:00'));
	});
	afterAll(() => {
		jest.useRealTimers();
	});
	return { setNow: (wallClock) => jest.setSystemTime(paris(wallClock)) };
}
