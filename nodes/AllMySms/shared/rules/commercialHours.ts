import { DateTime } from 'luxon';

import { isFrenchNumber, MAINLAND_FRANCE, territoryOf } from '../france';
import type { FrenchTerritory } from '../france';
import { ALLMYSMS_TIME_ZONE } from '../validation/dates';

/**
 * Commercial sending hours for France (manual, sections 6 and 7.1): "L'envoi de SMS commerciaux
 * en France est interdit entre 20h00 et 8h00 du lundi au samedi, toute la journée les dimanches
 * et jours fériés". Allowed: Monday to Saturday, 08:00 (included) to 20:00 (excluded), Paris
 * wall-clock time, except on French public holidays.
 *
 * Everything here is pure: the instant to judge is always passed in, and the result never
 * depends on the time zone of the machine or of the n8n instance.
 */

const OPENING_HOUR = 8;
const CLOSING_HOUR = 20;

type Instant = Date | DateTime;

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { year: number; month: number; day: number } {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return { year, month, day };
}

/**
 * The eleven national public holidays (Code du travail, L3133-1), in date order. Local ones are
 * not included: Good Friday and 26 December in Alsace-Moselle, the abolition of slavery days
 * overseas.
 */
export function frenchPublicHolidays(year: number): Array<{ date: string; name: string }> {
	const easter = DateTime.fromObject(easterSunday(year), { zone: 'UTC' });
	const fixed = (month: number, day: number) =>
		DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
	const holidays: Array<[DateTime, string]> = [
		[fixed(1, 1), "New Year's Day"],
		[easter.plus({ days: 1 }), 'Easter Monday'],
		[fixed(5, 1), 'Labour Day'],
		[fixed(5, 8), 'Victory in Europe Day'],
		[easter.plus({ days: 39 }), 'Ascension Day'],
		[easter.plus({ days: 50 }), 'Whit Monday'],
		[fixed(7, 14), 'Bastille Day'],
		[fixed(8, 15), 'Assumption Day'],
		[fixed(11, 1), "All Saints' Day"],
		[fixed(11, 11), 'Armistice Day'],
		[fixed(12, 25), 'Christmas Day'],
	];
	return holidays
		.map(([date, name]) => ({ date: date.toISODate() as string, name }))
		.sort((left, right) => left.date.localeCompare(right.date));
}

function inZone(instant: Instant, zone: string): DateTime {
	const date = instant instanceof Date ? DateTime.fromJSDate(instant) : instant;
	if (!date.isValid)
		throw new Error(`Invalid instant: ${date.invalidExplanation ?? String(instant)}`);
	return date.setZone(zone);
}

/** The instant in Paris wall time. Throws on an invalid instant: a guard must not guess. */
function inParis(instant: Instant): DateTime {
	return inZone(instant, ALLMYSMS_TIME_ZONE);
}

/** Why a day is closed all day in the territory, if it is: Sunday, a national or local holiday. */
function closedDayReason(local: DateTime, territory: FrenchTerritory): string | undefined {
	if (local.weekday === 7) return 'on Sundays';
	const date = local.toISODate();
	const holiday =
		frenchPublicHolidays(local.year).find((national) => national.date === date)?.name ??
		territory.localHolidays.find(([month, day]) => month === local.month && day === local.day)?.[2];
	return holiday ? `on public holidays (${holiday})` : undefined;
}

interface Refusal {
	allowed: false;
	/** Why, in words: "on Sundays", "from 20:00 (Martinique time)", "on public holidays (Bastille Day)"… */
	reason: string;
	/** 08:00 on the next allowed day there (or today, before 08:00). */
	next: DateTime;
}

/** `at`: the instant judged, in the territory's time (Paris for mainland France). */
type CommercialTimeVerdict = { allowed: true; at: DateTime } | Refusal;

/**
 * The verdict for one instant where the recipient lives (mainland France by default: Paris
 * time), with the reason and the next allowed instant when refused.
 */
export function judgeCommercialTime(
	instant: Instant,
	territory: FrenchTerritory = MAINLAND_FRANCE,
): CommercialTimeVerdict {
	const at = inZone(instant, territory.timeZone);
	const closedDay = closedDayReason(at, territory);
	if (!closedDay && at.hour >= OPENING_HOUR && at.hour < CLOSING_HOUR) return { allowed: true, at };
	const where = territory === MAINLAND_FRANCE ? '' : ` (${territory.name} time)`;
	const reason = closedDay ?? `${at.hour < OPENING_HOUR ? 'before 08:00' : 'from 20:00'}${where}`;
	// Before 08:00 on an open day, today at 08:00 is the answer; otherwise the next open day.
	let day = at.startOf('day');
	if (closedDay || at.hour >= CLOSING_HOUR) day = day.plus({ days: 1 });
	// At most a few iterations (Sunday followed by a holiday Monday…); 14 is a safe bound.
	for (let guard = 0; guard < 14 && closedDayReason(day, territory); guard++)
		day = day.plus({ days: 1 });
	// 08:00 exists every day in these zones: their DST changes, if any, happen at night.
	const next = DateTime.fromObject(
		{ year: day.year, month: day.month, day: day.day, hour: OPENING_HOUR },
		{ zone: territory.timeZone },
	);
	return { allowed: false, reason, next };
}

export function isCommercialTimeAllowed(instant: Instant): boolean {
	return judgeCommercialTime(instant).allowed;
}

/** The instant itself when allowed, else 08:00 Paris on the next allowed day; in Paris time. */
export function nextAllowedTime(instant: Instant): DateTime {
	const verdict = judgeCommercialTime(instant);
	return verdict.allowed ? verdict.at : verdict.next;
}

/**
 * Why an instant is refused for recipients in several territories (a campaign to Paris and
 * Martinique): the first refusal's reason, and the first instant allowed in every territory (the
 * 08:00-20:00 windows of UTC-4 to UTC+4 always overlap, so it exists). Undefined when allowed
 * everywhere.
 */
function refusalEverywhere(
	instant: DateTime,
	territories: readonly FrenchTerritory[],
): { reason: string; next: DateTime } | undefined {
	let reason: string | undefined;
	let candidate = instant;
	for (let guard = 0; guard < 60; guard++) {
		const refusals = territories
			.map((territory) => judgeCommercialTime(candidate, territory))
			.filter((verdict): verdict is Refusal => !verdict.allowed);
		if (refusals.length === 0) break;
		reason ??= refusals[0].reason;
		candidate = DateTime.max(...refusals.map((verdict) => verdict.next)) as DateTime;
	}
	return reason === undefined ? undefined : { reason, next: inParis(candidate) };
}

/** "Monday 3 January 2028 at 08:00, Paris time": for error messages and hints (never in parentheses inside parentheses). */
export function describeParisTime(instant: Instant): string {
	return `${inParis(instant).setLocale('en-GB').toFormat("cccc d LLLL yyyy 'at' HH:mm")}, Paris time`;
}

export type MessageType = 'commercial' | 'transactional';
export type OutsideAllowedHours = 'refuse' | 'schedule';

export interface CommercialSendInput {
	messageType: MessageType;
	outsideAllowedHours: OutsideAllowedHours;
	/** The clock, passed in. */
	now: Instant;
	/** The Send At date, if any (a past one means "now" for AllMySMS). */
	sendAt?: Instant;
	/** Recipients' numbers, `international` form (336…). */
	numbers: readonly string[];
}

export type CommercialSendDecision =
	/** Send as planned (transactional, no French number, or an allowed time). */
	| { action: 'send' }
	/** Send with this date (set Send At to it, formatted with toAllMySmsDate). */
	| { action: 'schedule'; sendAt: DateTime; reason: string }
	/** Throw this message (the caller adds the item), nothing sent. */
	| { action: 'refuse'; message: string; next: DateTime };

/**
 * What to do with one SMS or voice send under the commercial-hours rule. The instant checked is
 * Send At when it is in the future, else now. Only commercial sends with at least one French
 * number are concerned.
 */
export function decideCommercialSend(input: CommercialSendInput): CommercialSendDecision {
	if (input.messageType === 'transactional') return { action: 'send' };
	const french = input.numbers.filter(isFrenchNumber);
	if (french.length === 0) return { action: 'send' };
	const territories = [...new Set(french.map((number) => territoryOf(number) ?? MAINLAND_FRANCE))];
	const now = inParis(input.now);
	const sendAt = input.sendAt === undefined ? undefined : inParis(input.sendAt);
	const future = sendAt !== undefined && sendAt.toMillis() > now.toMillis();
	const instant = future ? sendAt : now;
	const verdict = refusalEverywhere(instant, territories);
	if (!verdict) return { action: 'send' };
	const when = future
		? `scheduled for ${describeParisTime(instant)}`
		: `sent now (${describeParisTime(instant)})`;
	const reason = `commercial messages to French numbers may not be sent ${verdict.reason}`;
	if (input.outsideAllowedHours === 'schedule')
		return { action: 'schedule', sendAt: verdict.next, reason };
	return {
		action: 'refuse',
		next: verdict.next,
		message:
			`This commercial message to ${french.length === 1 ? 'a French number' : `${french.length} French numbers`} would be ${when}, ` +
			`but ${reason} (allowed Monday to Saturday, 08:00 to 20:00 where the recipient lives (Paris time for mainland France), except public holidays). ` +
			`The next allowed time is ${describeParisTime(verdict.next)}. Nothing was sent: set Outside Allowed Hours to ` +
			`"Schedule for the Next Allowed Time", choose a Send At date, or set Message Category to "Transactional" ` +
			`if this is a code, an alert or a reminder.`,
	};
}
