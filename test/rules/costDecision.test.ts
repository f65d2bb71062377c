import {
	decideCost,
	estimateFromCountries,
	readAccountInfo,
	readSimulation,
	sumSimulations,
} from '../../nodes/AllMySms/shared/rules/costDecision';
import type { CampaignEstimate } from '../../nodes/AllMySms/shared/rules/costDecision';
import { parseApiNumber } from '../../nodes/AllMySms/shared/numbers';

describe('parseApiNumber', () => {
	test.each([
		[340, 340],
		[22457.383, 22457.383],
		['15', 15],
		[' 22457.383 ', 22457.383],
		['0.045', 0.045],
		['0,045', 0.045],
		['22 457,383', 22457.383],
		['22\u00a0457,383', 22457.383],
		['22\u202f457,383', 22457.383],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['-12', -12],
		['0', 0],
	])('%j → %d', (value, expected) => {
		expect(parseApiNumber(value)).toBe(expected);
	});

	test.each([
		[''],
		['  '],
		['abc'],
		['12 credits'],
		['1.2.3'],
		['1,2,3'],
		[NaN],
		[Infinity],
		[null],
		[undefined],
		[{}],
		[true],
	])('%j → undefined', (value) => {
		expect(parseApiNumber(value)).toBeUndefined();
	});
});

describe('reading the answers', () => {
	test('simulateCampaign, JSON as the manual prints it (8.2)', () => {
		expect(
			readSimulation({
				status: 100,
				statusText: 'Your messages have been sent',
				invalidNumbers: '',
				nbCredits: 45,
				nbContacts: 2,
				nbSms: 3,
				balance: 3,
				cost: 0.135,
			}),
		).toEqual({ credits: 45, cost: 0.135, sms: 3, contacts: 2, balance: 3 });
	});

	test('simulateCampaign from XML: text, and the root left in place', () => {
		expect(
			readSimulation({
				simulateCampaign: {
					status: '100',
					nbCredits: '45',
					nbContacts: '3',
					nbSms: '3',
					balance: '3',
					cost: '0.135',
				},
			}),
		).toEqual({
			credits: 45,
			cost: 0.135,
			sms: 3,
			contacts: 3,
			balance: 3,
		});
	});

	test('getCreditsByCountryIsoCode: numbers as text (32.2), any case', () => {
		expect(readSimulation({ isoCode: 'FR', NbCredits: '15', cost: '0.045' })).toMatchObject({
			credits: 15,
			cost: 0.045,
		});
	});

	test('getInfo: credits with decimals, balance in euros (17.2)', () => {
		expect(
			readAccountInfo({
				status: 'Active Account',
				credits: 22457.383,
				nbSms: 1604,
				balance: 67.37,
			}),
		).toEqual({ credits: 22457.383, balance: 67.37 });
		expect(readAccountInfo({ getInfo: { credits: '22457,383', balance: '67,37' } })).toEqual({
			credits: 22457.383,
			balance: 67.37,
		});
	});

	test('missing or unreadable figures are undefined', () => {
		expect(readSimulation({ status: 104 })).toEqual({
			credits: undefined,
			cost: undefined,
			sms: undefined,
			contacts: undefined,
			balance: undefined,
		});
		expect(readSimulation('not an object')).toEqual({});
		expect(readAccountInfo(undefined)).toEqual({ credits: undefined, balance: undefined });
	});
});

describe('sumSimulations', () => {
	test('chunks add up, without floating-point dust', () => {
		expect(
			sumSimulations([
				{ credits: 15.1, cost: 0.1, sms: 1, contacts: 1 },
				{ credits: 15.2, cost: 0.2, sms: 1, contacts: 1 },
			]),
		).toEqual({ credits: 30.3, cost: 0.3, sms: 2, contacts: 2, unreadable: 0 });
	});

	test('a chunk without cost makes the total cost unknown; without credits it is counted', () => {
		expect(sumSimulations([{ credits: 45, cost: 0.135 }, { credits: 15 }, {}])).toEqual({
			credits: 60,
			cost: undefined,
			sms: undefined,
			contacts: undefined,
			unreadable: 1,
		});
	});

	test('no chunk, nothing to pay', () => {
		expect(sumSimulations([])).toEqual({ credits: 0, cost: 0, sms: 0, contacts: 0, unreadable: 0 });
	});
});

describe('estimateFromCountries', () => {
	const perCountry = new Map([
		['FR', { credits: 15, cost: 0.045 }],
		['BE', { credits: 25, cost: 0.075 }],
	]);

	test('price per SMS × parts, per recipient', () => {
		expect(
			estimateFromCountries(
				[
					{ countryIsoCode: 'FR', segments: 1 },
					{ countryIsoCode: 'fr', segments: 2 },
					{ countryIsoCode: 'BE', segments: 2 },
				],
				perCountry,
			),
		).toEqual({ credits: 95, cost: 0.285, sms: 5, contacts: 3, unreadable: 0 });
	});

	test('an unknown country is counted as unreadable', () => {
		expect(
			estimateFromCountries(
				[
					{ countryIsoCode: 'DE', segments: 1 },
					{ countryIsoCode: 'FR', segments: 1 },
				],
				perCountry,
			),
		).toEqual({
			credits: 15,
			cost: undefined,
			sms: 2,
			contacts: 2,
			unreadable: 1,
		});
	});
});

describe('decideCost', () => {
	const estimate: CampaignEstimate = {
		credits: 450,
		cost: 1.35,
		sms: 30,
		contacts: 30,
		unreadable: 0,
	};

	test.each([
		['within the maximum and the balance', { maximumCredits: 450, availableCredits: 450 }, true],
		['no maximum (undefined)', { availableCredits: 1000 }, true],
		['a maximum of 0 means none', { maximumCredits: 0, availableCredits: 1000 }, true],
		['over the maximum', { maximumCredits: 449.999, availableCredits: 1000 }, false],
		[
			'over the maximum, even with partial sends allowed',
			{ maximumCredits: 300, availableCredits: 1000, allowPartialSends: true },
			false,
		],
		['over the balance', { availableCredits: 340 }, false],
		[
			'over the balance, partial sends allowed',
			{ availableCredits: 340, allowPartialSends: true },
			true,
		],
	])('%s', (_what, options, ok) => {
		expect(decideCost({ estimate, allowPartialSends: false, ...options }).ok).toBe(ok);
	});

	test('the Maximum Credits refusal says what it costs, what is allowed, and that nothing was sent', () => {
		expect(
			decideCost({
				estimate,
				maximumCredits: 300,
				availableCredits: 22457.383,
				allowPartialSends: false,
			}),
		).toEqual({
			ok: false,
			reason: 'maximumCredits',
			message:
				'This campaign would use 450 credits (30 SMS, 30 recipients, about €1.35), more than the Maximum Credits of 300 credits. ' +
				'Nothing was sent. Raise Maximum Credits or send to fewer recipients.',
		});
	});

	test('the balance refusal says what is available', () => {
		expect(decideCost({ estimate, availableCredits: 340.5, allowPartialSends: false })).toEqual({
			ok: false,
			reason: 'balance',
			message:
				'This campaign would use 450 credits (30 SMS, 30 recipients, about €1.35), but the account has 340.5 credits left. ' +
				'Nothing was sent. Top up the account, or turn on Allow Partial Sends to send what the credits cover.',
		});
	});

	test('partial sends allowed: go on, with a warning', () => {
		const decision = decideCost({ estimate, availableCredits: 340, allowPartialSends: true });
		expect(decision).toEqual({
			ok: true,
			warning: expect.stringContaining('some recipients will receive nothing'),
		});
	});

	test('small costs keep their digits, at least two', () => {
		const decision = decideCost({
			estimate: { credits: 30, cost: 0.1, unreadable: 0 },
			maximumCredits: 15,
			allowPartialSends: false,
		});
		expect(decision.ok === false && decision.message).toContain('30 credits (about €0.10)');
		const tiny = decideCost({
			estimate: { credits: 15, cost: 0.045, unreadable: 0 },
			maximumCredits: 1,
			allowPartialSends: false,
		});
		expect(tiny.ok === false && tiny.message).toContain(
			'15 credits (about €0.045), more than the Maximum Credits of 1 credit.',
		);
	});

	test('large figures are written with separators', () => {
		const decision = decideCost({
			estimate: { credits: 31500, unreadable: 0 },
			availableCredits: 22457.383,
			allowPartialSends: false,
		});
		expect(decision.ok === false && decision.message).toBe(
			'This campaign would use 31,500 credits, but the account has 22,457.383 credits left. Nothing was sent. Top up the account, or turn on Allow Partial Sends to send what the credits cover.',
		);
	});

	test('an unknown balance is not a refusal, but it is said', () => {
		expect(decideCost({ estimate, allowPartialSends: false })).toEqual({
			ok: true,
			warning: expect.stringContaining('could not be read'),
		});
		expect(decideCost({ estimate, allowPartialSends: true })).toEqual({ ok: true });
	});

	test('an estimate with unreadable chunks cannot be checked: refused, unless partial sends are allowed and there is no maximum', () => {
		const unsure = { ...estimate, unreadable: 2 };
		expect(
			decideCost({ estimate: unsure, availableCredits: 1000, allowPartialSends: false }),
		).toMatchObject({
			ok: false,
			reason: 'unreadable',
			message: expect.stringContaining('no credit figure for 2 parts'),
		});
		expect(
			decideCost({
				estimate: unsure,
				maximumCredits: 1000,
				availableCredits: 1000,
				allowPartialSends: true,
			}).ok,
		).toBe(false);
		expect(
			decideCost({ estimate: unsure, availableCredits: 1000, allowPartialSends: true }).ok,
		).toBe(true);
	});
});
