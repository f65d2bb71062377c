import { DateTime, Settings } from 'luxon';

import {
	decideCommercialSend,
	describeParisTime,
	easterSunday,
	frenchPublicHolidays,
	isCommercialTimeAllowed,
	judgeCommercialTime,
	nextAllowedTime,
} from '../../nodes/AllMySms/shared/rules/commercialHours';
import type { CommercialSendInput } from '../../nodes/AllMySms/shared/rules/commercialHours';
import { isFrenchNumber } from '../../nodes/AllMySms/shared/france';

/** Instants are always written with an explicit offset: they mean the same under any TZ. */
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const iso = (date: DateTime) => date.toISO({ suppressMilliseconds: true });

const FRENCH = '33612345678';
const BELGIAN = '32470123456';

describe('isFrenchNumber', () => {
	test.each([
		['33612345678', true, 'mainland'],
		['+33712345678', true, 'mainland, with +'],
		['262692123456', true, 'Réunion'],
		['262639123456', true, 'Mayotte (+262 since 2007)'],
		['590690123456', true, 'Guadeloupe, Saint-Martin, Saint-Barthélemy'],
		['594694123456', true, 'French Guiana'],
		['596696123456', true, 'Martinique'],
		['508551234', true, 'Saint-Pierre-et-Miquelon'],
		['269321234', false, 'Comoros (+269 is no longer Mayotte)'],
		['687751234', false, 'New Caledonia: own consumer law and operators'],
		['689871234', false, 'French Polynesia'],
		['681821234', false, 'Wallis-et-Futuna'],
		['32470123456', false, 'Belgium'],
		['41791234567', false, 'Switzerland'],
		['377612345678', false, 'Monaco'],
		['447700900123', false, 'United Kingdom'],
	])('%s → %s (%s)', (number, expected) => {
		expect(isFrenchNumber(number)).toBe(expected);
	});
});

describe('frenchPublicHolidays', () => {
	test.each([
		[2000, '2000-04-23'],
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2028, '2028-04-16'],
		[2038, '2038-04-25'],
		[2285, '2285-03-22'],
		[1818, '1818-03-22'],
	])('Easter Sunday %i is %s (computus)', (year, expected) => {
		const { month, day } = easterSunday(year);
		expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(
			expected,
		);
	});

	test('2027: the eleven holidays, Easter Monday 29 March, Ascension = Easter + 39, Whit Monday = Easter + 50', () => {
		expect(frenchPublicHolidays(2027)).toEqual([
			{ date: '2027-01-01', name: "New Year's Day" },
			{ date: '2027-03-29', name: 'Easter Monday' },
			{ date: '2027-05-01', name: 'Labour Day' },
			{ date: '2027-05-06', name: 'Ascension Day' },
			{ date: '2027-05-08', name: 'Victory in Europe Day' },
			{ date: '2027-05-17', name: 'Whit Monday' },
			{ date: '2027-07-14', name: 'Bastille Day' },
			{ date: '2027-08-15', name: 'Assumption Day' },
			{ date: '2027-11-01', name: "All Saints' Day" },
			{ date: '2027-11-11', name: 'Armistice Day' },
			{ date: '2027-12-25', name: 'Christmas Day' },
		]);
	});

	test('2025 movable feasts', () => {
		const dates = Object.fromEntries(
			frenchPublicHolidays(2025).map(({ date, name }) => [name, date]),
		);
		expect(dates).toMatchObject({
			'Easter Monday': '2025-04-21',
			'Ascension Day': '2025-05-29',
			'Whit Monday': '2025-06-09',
		});
	});

	test('Ascension is always a Thursday and the Mondays Mondays, 1900–2200', () => {
		for (let year = 1900; year <= 2200; year++) {
			const byName = Object.fromEntries(
				frenchPublicHolidays(year).map(({ date, name }) => [name, DateTime.fromISO(date)]),
			);
			expect([
				year,
				byName['Easter Monday'].weekday,
				byName['Ascension Day'].weekday,
				byName['Whit Monday'].weekday,
			]).toEqual([year, 1, 4, 1]);
		}
	});
});

/** [what, instant, allowed, next allowed instant (Paris offset)] */
const CLOCK_CASES: Array<[string, string, boolean, string]> = [
	['Saturday 19:59 is allowed', '2027-03-06T19:59:00+01:00', true, '2027-03-06T19:59:00+01:00'],
	[
		'Saturday 19:59:59.999 is allowed',
		'2027-03-06T19:59:59.999+01:00',
		true,
		'2027-03-06T19:59:59.999+01:00',
	],
	[
		'Saturday 20:00 → Monday 08:00',
		'2027-03-06T20:00:00+01:00',
		false,
		'2027-03-08T08:00:00+01:00',
	],
	['Sunday → Monday 08:00', '2027-03-07T12:00:00+01:00', false, '2027-03-08T08:00:00+01:00'],
	[
		'Monday 07:59 → the same day 08:00',
		'2027-03-08T07:59:00+01:00',
		false,
		'2027-03-08T08:00:00+01:00',
	],
	['Monday 08:00 is allowed', '2027-03-08T08:00:00+01:00', true, '2027-03-08T08:00:00+01:00'],
	[
		'Friday 23:00 → Saturday 08:00',
		'2027-03-05T23:00:00+01:00',
		false,
		'2027-03-06T08:00:00+01:00',
	],
	[
		'14 July (a Wednesday) → 15 July 08:00',
		'2027-07-14T10:00:00+02:00',
		false,
		'2027-07-15T08:00:00+02:00',
	],
	[
		'13 July 20:30 → 15 July 08:00 (skips the holiday)',
		'2027-07-13T20:30:00+02:00',
		false,
		'2027-07-15T08:00:00+02:00',
	],
	[
		'Easter Monday 2027-03-29 → Tuesday 08:00',
		'2027-03-29T10:00:00+02:00',
		false,
		'2027-03-30T08:00:00+02:00',
	],
	[
		'Easter Sunday, the night clocks go forward (01:30 CET) → Tuesday 08:00 CEST',
		'2027-03-28T01:30:00+01:00',
		false,
		'2027-03-30T08:00:00+02:00',
	],
	[
		'Saturday 20:00 CET before the spring change → Tuesday (Easter Monday closed)',
		'2027-03-27T20:00:00+01:00',
		false,
		'2027-03-30T08:00:00+02:00',
	],
	[
		'23:30 on 31 December 2026 → 2 January 2027 (a Saturday) 08:00',
		'2026-12-31T23:30:00+01:00',
		false,
		'2027-01-02T08:00:00+01:00',
	],
	[
		'23:30 on 31 December 2027 → Monday 3 January 2028 (2 January is a Sunday)',
		'2027-12-31T23:30:00+01:00',
		false,
		'2028-01-03T08:00:00+01:00',
	],
	[
		'Saturday 19:30 CEST, the day before clocks go back, is allowed',
		'2027-10-30T19:30:00+02:00',
		true,
		'2027-10-30T19:30:00+02:00',
	],
	[
		'Saturday 20:30 CEST → Tuesday 2 November 08:00 CET (Sunday, then All Saints)',
		'2027-10-30T20:30:00+02:00',
		false,
		'2027-11-02T08:00:00+01:00',
	],
	[
		'Ascension Thursday → Friday 08:00',
		'2027-05-06T09:00:00+02:00',
		false,
		'2027-05-07T08:00:00+02:00',
	],
	[
		'Saturday 8 May (Victory Day) 2027 → Monday 10 May',
		'2027-05-08T09:00:00+02:00',
		false,
		'2027-05-10T08:00:00+02:00',
	],
	// The instant counts, not the offset it is written in: 18:59Z is 19:59 in Paris (CET).
	[
		'18:59Z on a Saturday is 19:59 in Paris',
		'2027-03-06T18:59:00Z',
		true,
		'2027-03-06T19:59:00+01:00',
	],
	[
		'14:00 in New York on a Saturday is 20:00 in Paris',
		'2027-03-06T14:00:00-05:00',
		false,
		'2027-03-08T08:00:00+01:00',
	],
	[
		'Monday 07:30 in Paris is 15:30 in Tokyo',
		'2027-03-08T15:30:00+09:00',
		false,
		'2027-03-08T08:00:00+01:00',
	],
];

function runClockCases(): void {
	for (const [, instant, allowed, next] of CLOCK_CASES) {
		for (const given of [
			at(instant),
			new Date(instant),
			at(instant).setZone('America/New_York'),
			at(instant).setZone('Asia/Tokyo'),
		]) {
			expect([instant, isCommercialTimeAllowed(given)]).toEqual([instant, allowed]);
			const result = nextAllowedTime(given);
			expect([instant, result.zoneName, result.toMillis()]).toEqual([
				instant,
				'Europe/Paris',
				at(next).toMillis(),
			]);
			expect([instant, iso(result)]).toEqual([instant, iso(at(next))]);
		}
	}
}

describe('isCommercialTimeAllowed / nextAllowedTime', () => {
	test.each(CLOCK_CASES)('%s', (_what, instant, allowed, next) => {
		expect(isCommercialTimeAllowed(at(instant))).toBe(allowed);
		expect(iso(nextAllowedTime(at(instant)))).toBe(iso(at(next)));
		// The same instant as a JS Date.
		expect(isCommercialTimeAllowed(new Date(instant))).toBe(allowed);
		expect(nextAllowedTime(new Date(instant)).toMillis()).toBe(at(next).toMillis());
	});

	// Under jest, assigning process.env.TZ does not reach the JS clock, so the machine's zone is
	// varied from outside (TZ=America/New_York npx jest test/rules, TZ=Asia/Tokyo …). In-process,
	// luxon's default zone is varied: it is what n8n sets to the workflow's time zone.
	test("results do not depend on luxon's default zone (the workflow time zone) nor on the zone the instant is written in", () => {
		const originalZone = Settings.defaultZone;
		try {
			for (const zone of [
				'UTC',
				'America/New_York',
				'Asia/Tokyo',
				'Pacific/Kiritimati',
				'Pacific/Pago_Pago',
				'Europe/Paris',
			]) {
				Settings.defaultZone = zone;
				expect(DateTime.local().zoneName).toBe(zone);
				runClockCases();
			}
		} finally {
			Settings.defaultZone = originalZone;
		}
	});

	test(`results do not depend on the machine's zone (this run: ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
		runClockCases();
	});

	test('every 7 minutes of a week around the spring DST change matches the rule in Paris wall time', () => {
		let instant = at('2027-03-26T00:00:00+01:00');
		const end = at('2027-04-03T00:00:00+02:00');
		while (instant < end) {
			const paris = instant.setZone('Europe/Paris');
			const closedDay = paris.weekday === 7 || paris.toISODate() === '2027-03-29';
			const expected = !closedDay && paris.hour >= 8 && paris.hour < 20;
			expect([iso(instant), isCommercialTimeAllowed(instant)]).toEqual([iso(instant), expected]);
			const next = nextAllowedTime(instant);
			expect(next >= instant).toBe(true);
			expect(isCommercialTimeAllowed(next)).toBe(true);
			instant = instant.plus({ minutes: 7 });
		}
	});

	test('the verdict names the reason', () => {
		const reasons = [
			'2027-03-07T12:00:00+01:00',
			'2027-07-14T10:00:00+02:00',
			'2027-03-06T20:00:00+01:00',
			'2027-03-08T07:00:00+01:00',
		].map((instant) => {
			const verdict = judgeCommercialTime(at(instant));
			return verdict.allowed ? 'allowed' : verdict.reason;
		});
		expect(reasons).toEqual([
			'on Sundays',
			'on public holidays (Bastille Day)',
			'from 20:00',
			'before 08:00',
		]);
	});

	test('an invalid instant is an error, not a guess', () => {
		expect(() => isCommercialTimeAllowed(new Date('nope'))).toThrow(/Invalid instant/);
		expect(() => nextAllowedTime(DateTime.invalid('broken'))).toThrow(/Invalid instant/);
	});

	test('describeParisTime', () => {
		expect(describeParisTime(at('2028-01-03T07:00:00Z'))).toBe(
			'Monday 3 January 2028 at 08:00, Paris time',
		);
	});
});

describe('decideCommercialSend', () => {
	const base: CommercialSendInput = {
		messageType: 'commercial',
		outsideAllowedHours: 'schedule',
		now: at('2027-03-06T20:00:00+01:00'),
		numbers: [FRENCH],
	};

	test('Saturday 20:00, schedule mode → scheduled Monday 08:00', () => {
		const decision = decideCommercialSend(base);
		expect(decision.action).toBe('schedule');
		if (decision.action !== 'schedule') return;
		expect(iso(decision.sendAt)).toBe('2027-03-08T08:00:00+01:00');
		expect(decision.reason).toBe(
			'commercial messages to French numbers may not be sent from 20:00',
		);
	});

	test('refuse mode → a refusal naming the next allowed time (the caller sends nothing)', () => {
		const decision = decideCommercialSend({
			...base,
			outsideAllowedHours: 'refuse',
			now: at('2027-07-14T10:00:00+02:00'),
		});
		expect(decision.action).toBe('refuse');
		if (decision.action !== 'refuse') return;
		expect(iso(decision.next)).toBe('2027-07-15T08:00:00+02:00');
		expect(decision.message).toContain('on public holidays (Bastille Day)');
		expect(decision.message).toContain(
			'The next allowed time is Thursday 15 July 2027 at 08:00, Paris time',
		);
		expect(decision.message).toContain('Nothing was sent');
	});

	test('transactional messages are always allowed', () => {
		for (const [, instant] of CLOCK_CASES) {
			for (const outsideAllowedHours of ['refuse', 'schedule'] as const) {
				expect(
					decideCommercialSend({
						...base,
						messageType: 'transactional',
						outsideAllowedHours,
						now: at(instant),
					}),
				).toEqual({
					action: 'send',
				});
			}
		}
	});

	test('other countries are not touched; one French number among others is enough', () => {
		expect(decideCommercialSend({ ...base, numbers: [BELGIAN, '41791234567'] })).toEqual({
			action: 'send',
		});
		expect(decideCommercialSend({ ...base, numbers: [BELGIAN, FRENCH] }).action).toBe('schedule');
		// Saturday 20:00 in Paris is 15:00 in Martinique: allowed there.
		expect(decideCommercialSend({ ...base, numbers: [BELGIAN, '596696123456'] }).action).toBe(
			'send',
		);
	});

	test('an allowed time sends as planned', () => {
		expect(decideCommercialSend({ ...base, now: at('2027-03-06T19:59:00+01:00') })).toEqual({
			action: 'send',
		});
	});

	test('a future Send At is what is checked', () => {
		const now = at('2027-03-05T10:00:00+01:00'); // Friday, allowed
		expect(
			decideCommercialSend({ ...base, now, sendAt: at('2027-03-07T10:00:00+01:00') }),
		).toMatchObject({
			action: 'schedule',
			reason: 'commercial messages to French numbers may not be sent on Sundays',
		});
		const refused = decideCommercialSend({
			...base,
			outsideAllowedHours: 'refuse',
			now,
			sendAt: at('2027-03-07T10:00:00+01:00'),
		});
		expect(refused.action === 'refuse' && refused.message).toContain(
			'would be scheduled for Sunday 7 March 2027 at 10:00, Paris time',
		);
		expect(
			decideCommercialSend({
				...base,
				now: at('2027-03-07T10:00:00+01:00'),
				sendAt: at('2027-03-08T09:00:00+01:00'),
			}),
		).toEqual({
			action: 'send',
		});
	});

	test('a past Send At means now', () => {
		const decision = decideCommercialSend({
			...base,
			now: at('2027-03-07T10:00:00+01:00'),
			sendAt: at('2027-03-05T10:00:00+01:00'),
		});
		expect(decision.action === 'schedule' && iso(decision.sendAt)).toBe(
			'2027-03-08T08:00:00+01:00',
		);
	});
});

describe('overseas: the recipient’s own clock and public holidays', () => {
	const commercial = (
		numbers: string[],
		now: string,
		outsideAllowedHours: 'refuse' | 'schedule' = 'schedule',
	): CommercialSendInput => ({
		messageType: 'commercial',
		outsideAllowedHours,
		now: at(now),
		numbers,
	});
	const scheduledFor = (input: CommercialSendInput) => {
		const decision = decideCommercialSend(input);
		return decision.action === 'schedule'
			? [iso(decision.sendAt), decision.reason]
			: [decision.action];
	};

	test('10:00 in Paris is 05:00 in Martinique: scheduled for 08:00 there (13:00 Paris)', () => {
		expect(scheduledFor(commercial(['596696123456'], '2027-03-03T10:00:00+01:00'))).toEqual([
			'2027-03-03T13:00:00+01:00',
			'commercial messages to French numbers may not be sent before 08:00 (Martinique time)',
		]);
	});

	test('20 December is a public holiday in Réunion, not in Paris', () => {
		expect(scheduledFor(commercial(['262692123456'], '2027-12-20T10:00:00+01:00'))).toEqual([
			'2027-12-21T05:00:00+01:00',
			'commercial messages to French numbers may not be sent on public holidays (Abolition of Slavery Day (Réunion))',
		]);
		expect(decideCommercialSend(commercial([FRENCH], '2027-12-20T10:00:00+01:00')).action).toBe(
			'send',
		);
	});

	test('a campaign to Paris and Martinique waits for the first time allowed in both', () => {
		expect(scheduledFor(commercial([FRENCH, '596696123456'], '2027-03-03T07:30:00+01:00'))[0]).toBe(
			'2027-03-03T13:00:00+01:00',
		);
		expect(
			decideCommercialSend(commercial([FRENCH, '596696123456'], '2027-03-03T14:00:00+01:00'))
				.action,
		).toBe('send');
	});

	test('Mayotte (+262 639) has its own clock (UTC+3) and 27 April', () => {
		expect(scheduledFor(commercial(['262639123456'], '2027-04-27T12:00:00+02:00'))).toEqual([
			'2027-04-28T07:00:00+02:00',
			'commercial messages to French numbers may not be sent on public holidays (Abolition of Slavery Day (Mayotte))',
		]);
	});
});
