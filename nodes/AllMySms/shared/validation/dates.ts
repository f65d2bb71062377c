import { DateTime } from 'luxon';

/**
 * AllMySMS reads dates as YYYY-MM-DD HH:MM:SS (7.2), French wall-clock time: the manual gives
 * no zone and the service, its manager and its legal sending hours are French.
 */
export const ALLMYSMS_TIME_ZONE = 'Europe/Paris';
const ALLMYSMS_FORMAT = 'yyyy-LL-dd HH:mm:ss';

function isDateTimeLike(value: unknown): value is { toISO(): string | null } {
	return (
		!!value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/**
 * An n8n date (picker string, ISO string with or without offset, Luxon DateTime from an
 * expression, JS Date, or already in the manual's format) as AllMySMS expects it. Dates without
 * an offset are read in the workflow's time zone. Returns undefined when it is not a date.
 */
export function toAllMySmsDate(value: unknown, workflowTimeZone: string): string | undefined {
	let date: DateTime;
	if (value instanceof Date) {
		date = DateTime.fromJSDate(value);
	} else if (isDateTimeLike(value)) {
		date = DateTime.fromISO(value.toISO() ?? '', { setZone: true });
	} else if (typeof value === 'string') {
		const text = value.trim();
		date = DateTime.fromISO(text, { zone: workflowTimeZone, setZone: true });
		if (!date.isValid) date = DateTime.fromSQL(text, { zone: workflowTimeZone, setZone: true });
	} else {
		return undefined;
	}
	return date.isValid ? date.setZone(ALLMYSMS_TIME_ZONE).toFormat(ALLMYSMS_FORMAT) : undefined;
}

/** A date in the manual's format (French time) as an instant, or undefined. */
export function parseAllMySmsDate(text: string): DateTime | undefined {
	const date = DateTime.fromFormat(text, ALLMYSMS_FORMAT, { zone: ALLMYSMS_TIME_ZONE });
	return date.isValid ? date : undefined;
}

/** How far in the past a Send At may be and still mean "now" (an expression such as {{ $now }}, clock skew). */
const PAST_SEND_AT_TOLERANCE_MINUTES = 5;

/**
 * Why a Send At (as toAllMySmsDate gives it) cannot be used, or undefined. A date in the past
 * is refused rather than sent now: AllMySMS would send at once without a word (the issue's
 * 2001), and a date typed wrong (a year off) is more likely than a wish to send now; leaving
 * Send At empty sends now. Up to 5 minutes in the past counts as now.
 */
export function sendAtProblem(sendAt: string, now: Date = new Date()): string | undefined {
	const date = parseAllMySmsDate(sendAt);
	if (!date) return undefined;
	if (date.toMillis() >= now.getTime() - PAST_SEND_AT_TOLERANCE_MINUTES * 60_000) return undefined;
	return `${sendAt} (French time) is in the past; leave Send At empty to send now`;
}

/** A date in the manual's format (French time) as ISO 8601 with its offset, or undefined. */
export function fromAllMySmsDate(text: string): string | undefined {
	return parseAllMySmsDate(text)?.toISO({ suppressMilliseconds: true }) ?? undefined;
}
