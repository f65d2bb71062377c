import { decideCost } from '../../nodes/AllMySms/shared/rules/cost';
import type { CampaignEstimate } from '../../nodes/AllMySms/shared/rules/cost';

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

	test('an estimate with unpriced recipients cannot be checked: refused, unless partial sends are allowed and there is no maximum', () => {
		const unsure = { ...estimate, unreadable: 2 };
		expect(
			decideCost({ estimate: unsure, availableCredits: 1000, allowPartialSends: false }),
		).toMatchObject({
			ok: false,
			reason: 'unreadable',
			message: expect.stringContaining('no price for 2 recipients of this send'),
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
