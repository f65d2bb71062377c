import type { INodeParameters } from 'n8n-workflow';

import { retryChainRun, runAllMySmsChain, runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

/**
 * The cost and credit guard through n8n's engine against the sandbox (15 credits = €0.045 per
 * SMS to France). "No request" below means no *sending* request: the checks themselves are
 * requests (getPrices, getCreditsByCountryIsoCode, getInfo).
 */

let account: TestAccount;

afterEach(async () => {
	await account.sandbox.close();
});

const CHECKS = ['getInfo', 'getPrices', 'getCreditsByCountryIsoCode'];
const methodsCalled = () => account.sandbox.requests.map((request) => String(request.apiMethod));
const sent = () =>
	requestsTo(account.sandbox, 'sendSms').length +
	requestsTo(account.sandbox, 'simpleSms').length +
	requestsTo(account.sandbox, 'sendVocal').length;

const recipients = (count: number) =>
	Array.from({ length: count }, (_, index) => ({
		phone: `06111111${String(index).padStart(2, '0')}`,
	}));

function campaign(options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'sms',
		operation: 'sendSms',
		sendMode: 'campaign',
		messageCategory: 'transactional',
		phoneNumbers: '={{ $json.phone }}',
		message: 'Your order has shipped',
		options,
	};
}

describe('Maximum Credits', () => {
	test('a campaign costing more is refused as a whole before any sending request', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(3),
			parameters: campaign({ maximumCredits: 40 }),
		});
		expect(error?.message).toBe(
			'Invalid "Maximum Credits" in item 0 (the whole send of 3 items is refused): This campaign would use 45 credits (3 SMS, 3 recipients, about €0.135), more than the Maximum Credits of 40 credits. Nothing was sent. Raise Maximum Credits or send to fewer recipients.',
		);
		expect(sent()).toBe(0);
		expect(methodsCalled().every((method) => CHECKS.includes(method))).toBe(true);
		expect(JSON.stringify(error)).not.toContain(account.apiKey);
	});

	test('equal is allowed: 45 credits under a maximum of 45 go out', async () => {
		account = await sandboxWithAccount();
		const { error, items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(3),
			parameters: campaign({ maximumCredits: 45 }),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(1);
	});

	test('per item: all items are checked together, each destination priced once, and all are refused', async () => {
		account = await sandboxWithAccount();
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(3),
			continueOnFail: true,
			parameters: {
				...campaign({ maximumCredits: 40 }),
				sendMode: 'perItem',
				message: '=Hello {{ $itemIndex }}',
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.error)).toEqual([
			expect.stringMatching(
				/^Invalid "Maximum Credits" in item 0 \(the whole send of 3 items is refused\): This campaign would use 45 credits/,
			),
			expect.stringMatching(/^Invalid "Maximum Credits" in item 1 /),
			expect.stringMatching(/^Invalid "Maximum Credits" in item 2 /),
		]);
		expect(methodsCalled()).toEqual(['getPrices', 'getCreditsByCountryIsoCode', 'getInfo']);
		expect(sent()).toBe(0);
	});

	test('each recipient counts its own parts: a personalised text of two parts costs two SMS', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{ phone: '0611111111', name: 'Al' },
				{ phone: '0622222222', name: 'x'.repeat(150) },
			],
			parameters: {
				...campaign({ maximumCredits: 30 }),
				sendMode: 'perItem',
				message: '=Hello {{ $json.name }}, your order has shipped',
			},
		});
		expect(error?.message).toMatch(
			/^Invalid "Maximum Credits" in item 0 .*would use 45 credits \(3 SMS, 2 recipients/,
		);
		expect(sent()).toBe(0);
	});

	test('simpleSms is guarded too', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'simpleSms',
				messageCategory: 'transactional',
				phoneNumbers: '0611111111; 0622222222',
				message: 'Hi',
				options: { maximumCredits: 20 },
			},
		});
		expect(error?.message).toMatch(
			/^Invalid "Maximum Credits" in item 0: This campaign would use 30 credits/,
		);
		expect(sent()).toBe(0);
	});
});

describe('the account balance', () => {
	test('a campaign the credits cannot pay is refused before the first chunk, even when each chunk alone could be paid', async () => {
		account = await sandboxWithAccount({ credits: 100 });
		// 7 recipients = 105 credits, in chunks of 4 (60) and 3 (45): each chunk alone could be paid.
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(7),
			parameters: campaign({ recipientsPerRequest: 4 }),
		});
		expect(error?.message).toBe(
			'Not enough credits for item 0 (the whole send of 7 items is refused): This campaign would use 105 credits (7 SMS, 7 recipients, about €0.315), but the account has 100 credits left. Nothing was sent. Top up the account, or turn on Allow Partial Sends to send what the credits cover.',
		);
		// Priced per destination: one getCreditsByCountryIsoCode per country, no simulation of each chunk.
		expect(methodsCalled()).toEqual(['getPrices', 'getCreditsByCountryIsoCode', 'getInfo']);
		expect(requestsTo(account.sandbox, 'getCreditsByCountryIsoCode')[0].form.countryIsoCode).toBe(
			'FR',
		);
		expect(sent()).toBe(0);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(0);
	});

	test('per item, the items are checked together against the balance', async () => {
		account = await sandboxWithAccount({ credits: 100 });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(7),
			parameters: { ...campaign(), sendMode: 'perItem' },
		});
		expect(error?.message).toBe(
			'Not enough credits for item 0 (the whole send of 7 items is refused): This campaign would use 105 credits (7 SMS, 7 recipients, about €0.315), but the account has 100 credits left. Nothing was sent. Top up the account, or turn on Allow Partial Sends to send what the credits cover.',
		);
		expect(sent()).toBe(0);
	});

	test('Allow Partial Sends: no check at all, the chunks go out until AllMySMS refuses one', async () => {
		account = await sandboxWithAccount({ credits: 100 });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(7),
			parameters: campaign({ recipientsPerRequest: 4, allowPartialSends: true }),
		});
		expect(methodsCalled()).toEqual(['sendSms', 'sendSms']);
		expect(error?.message).toMatch(/\(status 104\)$/);
		expect(error?.description).toContain(
			'Already accepted by AllMySMS before this error: items 0-3',
		);
	});

	test('Allow Partial Sends with a Maximum Credits: the maximum is still checked, the balance is not asked', async () => {
		account = await sandboxWithAccount({ credits: 100 });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(3),
			parameters: campaign({ allowPartialSends: true, maximumCredits: 50 }),
		});
		expect(error).toBeUndefined();
		expect(methodsCalled()).toEqual(['getPrices', 'getCreditsByCountryIsoCode', 'sendSms']);
	});

	test('a destination AllMySMS gives no price for: the cost cannot be checked, nothing is sent', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '0611111111' }, { phone: '+819012345678' }],
			parameters: campaign({ maximumCredits: 1000 }),
		});
		expect(error?.message).toBe(
			'Cannot check the cost of item 0 (the whole send of 2 items is refused): AllMySMS gives no price for 1 recipient of this send (getPrices, getCreditsByCountryIsoCode), so its cost cannot be checked. Nothing was sent. Leave Maximum Credits at 0 and turn on Allow Partial Sends to send without the check.',
		);
		expect(methodsCalled().every((method) => CHECKS.includes(method))).toBe(true);
		expect(sent()).toBe(0);
	});

	test('a campaign to several countries: each country priced once, credits summed', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '0611111111' }, { phone: '+32470123456' }, { phone: '0622222222' }],
			parameters: campaign({ maximumCredits: 50 }),
		});
		// 2 × 15 (France) + 22 (Belgium) = 52 credits.
		expect(error?.message).toMatch(/This campaign would use 52 credits \(3 SMS, 3 recipients/);
		expect(
			requestsTo(account.sandbox, 'getCreditsByCountryIsoCode')
				.map((request) => request.form.countryIsoCode)
				.sort(),
		).toEqual(['BE', 'FR']);
		expect(sent()).toBe(0);
	});

	test('a prefix two countries share (262: Réunion and Mayotte) is priced at the dearer, each country asked once', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '+262692123456' }, { phone: '+262693123456' }],
			parameters: campaign({ maximumCredits: 59 }),
		});
		expect(error?.message).toMatch(/This campaign would use 60 credits \(2 SMS, 2 recipients/);
		expect(
			requestsTo(account.sandbox, 'getCreditsByCountryIsoCode')
				.map((request) => request.form.countryIsoCode)
				.sort(),
		).toEqual(['RE', 'YT']);
		expect(sent()).toBe(0);
	});

	test('enough credits: checked once (getInfo once for all items), then sent', async () => {
		account = await sandboxWithAccount();
		const { error, items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients(3),
			parameters: { ...campaign(), sendMode: 'perItem' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(methodsCalled()).toEqual([
			'getPrices',
			'getCreditsByCountryIsoCode',
			'getInfo',
			'sendSms',
			'sendSms',
			'sendSms',
		]);
	});
});

describe('voice (getPrices: €0.19 a voicemail drop, €0.09 a call; 15 credits = €0.045)', () => {
	const voice = (options: INodeParameters): INodeParameters => ({
		resource: 'voice',
		operation: 'sendVocal',
		messageCategory: 'transactional',
		phoneNumbers: '0611111111, 0622222222, 0633333333',
		audioUrl: 'https://example.com/message.mp3',
		sender: '0123456789',
		options,
	});

	test('3 voicemail drops (€0.57, 190 credits) over a Maximum Credits of 100: refused, nothing sent', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice({ maximumCredits: 100 }),
		});
		expect(error?.message).toBe(
			'Invalid "Maximum Credits" in item 0: This campaign would use 190 credits (3 recipients, about €0.57), more than the Maximum Credits of 100 credits. Nothing was sent. Raise Maximum Credits or send to fewer recipients.',
		);
		expect(sent()).toBe(0);
		expect(methodsCalled().sort()).toEqual(['getCreditsByCountryIsoCode', 'getInfo', 'getPrices']);
	});

	test('3 calls (90 credits) fit under 100 and go out', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice({ maximumCredits: 100, messageType: 'call' }),
		});
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'sendVocal')).toHaveLength(1);
	});

	test('more than the balance, over several requests: refused before the first', async () => {
		account = await sandboxWithAccount({ credits: 150 });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice({ recipientsPerRequest: 1 }),
		});
		expect(error?.message).toMatch(
			/^Not enough credits for item 0: This campaign would use 190 credits .* the account has 150 credits left/,
		);
		expect(sent()).toBe(0);
	});
});

describe('one SMS, one request: the checks run only where they can change the outcome', () => {
	const single = (options: INodeParameters = {}): INodeParameters => ({
		resource: 'sms',
		operation: 'sendSms',
		messageCategory: 'transactional',
		phoneNumbers: '0612345678',
		message: 'Your code is 4821',
		options,
	});

	test('a single transactional SMS makes one request to AllMySMS: sendSms', async () => {
		account = await sandboxWithAccount();
		const { error, items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: single(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe(100);
		expect(account.sandbox.requests.map((request) => request.apiMethod)).toEqual(['sendSms']);
	});

	test('one request the credits cannot pay: AllMySMS refuses it whole (104), nothing is sent, no check before', async () => {
		account = await sandboxWithAccount({ credits: 0 });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: single(),
		});
		expect(error?.message).toMatch(/\(status 104\)$/);
		expect(error?.description).toMatch(/Not sent: AllMySMS refused this request\.$/);
		expect(account.sandbox.requests.map((request) => request.apiMethod)).toEqual(['sendSms']);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(0);
	});

	test('with Maximum Credits set, a single SMS is still checked against it first', async () => {
		account = await sandboxWithAccount();
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: single({ maximumCredits: 10 }),
		});
		expect(error?.message).toMatch(
			/^Invalid "Maximum Credits" in item 0: This campaign would use 15 credits/,
		);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(0);
	});
});

describe('recovery is never priced as new spending', () => {
	test("n8n's Retry on a nearly empty account: the sends already accepted come back, the rest goes out, no 'Not enough credits'", async () => {
		// Exactly what 7 SMS cost; the first request (5 recipients) goes through, its answer is lost.
		account = await sandboxWithAccount({ credits: 105 });
		account.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms', times: 2 });
		const phones = [
			'0611111111',
			'0611111112',
			'0611111113',
			'0611111114',
			'0611111115',
			'0611111116',
			'0611111117',
		];
		const failed = await runAllMySmsChain({
			credentials: account.credentials,
			input: phones.map((phone) => ({ phone })),
			steps: [
				{
					name: 'AllMySMS',
					parameters: {
						resource: 'sms',
						operation: 'sendSms',
						sendMode: 'campaign',
						messageCategory: 'transactional',
						phoneNumbers: '={{ $json.phone }}',
						message: 'Your parcel arrives tomorrow',
						options: { retries: 1, recipientsPerRequest: 5 },
					},
				},
			],
		});
		expect(failed.error?.message).toMatch(/may have been sent$/);
		expect(account.sandbox.state.account(account.login)?.credits).toBe(30);

		const retried = await retryChainRun(failed);
		expect(retried.error).toBeUndefined();
		expect(retried.items.AllMySMS.map((item) => item.json.status)).toEqual([
			100, 100, 100, 100, 100, 100, 100,
		]);
		const sms = account.sandbox.state
			.campaigns(account.login)
			.flatMap((campaign) => account.sandbox.state.smsOfCampaign(campaign));
		expect(sms).toHaveLength(7);
		expect(account.sandbox.state.account(account.login)?.credits).toBe(0);
	});
});
