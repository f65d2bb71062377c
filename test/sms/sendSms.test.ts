import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { futureDay } from '../helpers/dates';

/** A Tuesday of June three years ahead: always in the future, a working day. */
const JUNE_TUESDAY = futureDay(3, 6, 1, 2);

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

const recipients = [
	{ phone: '06 12 34 56 78', name: 'Ada', code: 'A1' },
	{ phone: '+33712345678', name: 'Grace', code: 'G2' },
	{ phone: '32470123456', name: 'Margaret', code: 'M3' },
];

const campaignParameters = {
	resource: 'sms',
	operation: 'sendSms',
	sendMode: 'campaign',
	phoneNumbers: '={{ $json.phone }}',
	message: 'Hello #param_1#, your code is #param_2#',
	messageParameters: {
		parameter: [{ value: '={{ $json.name }}' }, { value: '={{ $json.code }}' }],
	},
};

describe('sendSms', () => {
	test('three recipients with two parameters each go out as ONE request and come back as one item per recipient', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients,
			parameters: campaignParameters,
		});
		expect(error).toBeUndefined();

		const sends = requestsTo(account.sandbox, 'sendSms');
		expect(sends).toHaveLength(1);
		expect(sends[0].smsData?.format).toBe('json');
		expect(sends[0].smsData?.data).toEqual({
			DATA: {
				MESSAGE: 'Hello #param_1#, your code is #param_2#',
				DYNAMIC: '2',
				CODING: '1',
				SMS: [
					{ MOBILEPHONE: '0612345678', PARAM_1: 'Ada', PARAM_2: 'A1' },
					{ MOBILEPHONE: '+33712345678', PARAM_1: 'Grace', PARAM_2: 'G2' },
					{ MOBILEPHONE: '32470123456', PARAM_1: 'Margaret', PARAM_2: 'M3' },
				],
				// Derived from the workflow, node, execution and "campaign" (idempotency.ts).
				UNIQUEIDENTIFIER: expect.stringMatching(/^n8n-[0-9a-f]{32}$/),
			},
		});

		const [campaign] = account.sandbox.state.campaigns(account.login);
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				phoneNumber: '33612345678',
				campaignId: campaign.id,
				status: 100,
				smsId: campaign.smsIds[0],
			}),
			expect.objectContaining({
				phoneNumber: '33712345678',
				campaignId: campaign.id,
				status: 100,
				smsId: campaign.smsIds[1],
			}),
			expect.objectContaining({
				phoneNumber: '32470123456',
				campaignId: campaign.id,
				status: 100,
				smsId: campaign.smsIds[2],
			}),
		]);
		expect(new Set(items.map((item) => item.json.smsId)).size).toBe(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(account.sandbox.state.sms(String(items[1].json.smsId))?.message).toBe(
			'Hello Grace, your code is G2',
		);
	});

	test('login and API key travel as POST form fields, never in the URL', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '0612345678',
				message: 'Form fields only',
			},
		});
		const [request] = requestsTo(account.sandbox, 'sendSms');
		expect(request.httpMethod).toBe('POST');
		expect(request.path).toBe('/http/9.0/sendSms/');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.query).toEqual({});
		expect(request.form).toEqual(
			expect.objectContaining({
				login: account.login,
				apiKey: account.apiKey,
				returnformat: 'json',
			}),
		);
		expect(request.headers['allmysms-subaccount']).toBeUndefined();
	});

	test('one message per input item: one request per item, each answer as an item', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '0612345678' }, { phone: '0698765432, 0711223344' }],
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '={{ $json.phone }}',
				message: '=Order for {{ $json.phone }} shipped',
			},
		});
		const sends = requestsTo(account.sandbox, 'sendSms');
		expect(sends).toHaveLength(2);
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				status: 100,
				nbContacts: 1,
				nbSms: 1,
				creditsUsed: 15,
				invalidNumbers: [],
			}),
		);
		expect(items[1].json.smsIds).toEqual([
			{ phoneNumber: '33698765432', smsId: expect.any(String) },
			{ phoneNumber: '33711223344', smsId: expect.any(String) },
		]);
		expect(items[1].json.campaignId).not.toBe(items[0].json.campaignId);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	test('every option lands in its smsData field', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			timezone: 'America/New_York',
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '0612345678',
				message: 'Sale tomorrow 🎉 STOP au 36180',
				options: {
					sender: 'ACME Shop',
					sendAt: `${JUNE_TUESDAY}T09:30:00`,
					campaignName: 'June sale',
					clientMessageId: 'crm-42',
					trackLinks: true,
					priority: true,
					explainDiscarded: true,
					uniqueIdentifier: 'june-sale-1',
				},
			},
		});
		const [request] = requestsTo(account.sandbox, 'sendSms');
		expect(request.smsData?.data).toEqual({
			DATA: {
				MESSAGE: 'Sale tomorrow 🎉 STOP au 36180',
				CAMPAIGN_NAME: 'June sale',
				// 09:30 in New York (the workflow's zone) is 15:30 in Paris.
				DATE: `${JUNE_TUESDAY} 15:30:00`,
				TPOA: 'ACME Shop',
				CLIMSGID: 'crm-42',
				TRACKING: '1',
				CODING: '2',
				ALERTING: '1',
				VERBOSE: '1',
				UNIQUEIDENTIFIER: 'june-sale-1',
				SMS: [{ MOBILEPHONE: '0612345678' }],
			},
		});
	});

	test('a scheduled send answers status 101 and the campaign waits in the sandbox', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '0612345678',
				message: 'See you next year',
				// A Thursday in January, never the 1st (a public holiday, when commercial sends to France are refused).
				options: { sendAt: `${futureDay(4, 1, 2, 4)}T10:00:00` },
			},
		});
		expect(items[0].json.status).toBe(101);
		expect(account.sandbox.state.campaigns(account.login)[0].status).toBe('programmed');
	});

	test('a large campaign is split into requests of "Recipients per Request", one item per recipient', async () => {
		const numbers = ['0611111111', '0622222222', '0633333333', '0644444444', '0655555555'];
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: numbers.map((phone) => ({ phone })),
			parameters: {
				...campaignParameters,
				message: 'Big news',
				messageParameters: {},
				options: { recipientsPerRequest: 2 },
			},
		});
		const sends = requestsTo(account.sandbox, 'sendSms');
		expect(
			sends.map(
				(request) => (request.smsData?.data as { DATA: { SMS: unknown[] } }).DATA.SMS.length,
			),
		).toEqual([2, 2, 1]);
		expect(items.map((item) => item.json.phoneNumber)).toEqual(
			numbers.map((phone) => `33${phone.slice(1)}`),
		);
		expect(items.every((item) => typeof item.json.smsId === 'string')).toBe(true);
		expect(new Set(items.map((item) => item.json.campaignId)).size).toBe(3);
	});

	test('the same unique identifier never sends twice: the second run gets the first result back', async () => {
		const parameters = {
			resource: 'sms',
			operation: 'sendSms',
			phoneNumbers: '0612345678',
			message: 'Only once',
			options: { uniqueIdentifier: 'order-1234-shipped' },
		};
		const first = await runAllMySmsNode({ credentials: account.credentials, parameters });
		const creditsAfterFirst = account.sandbox.state.account(account.login).credits;
		const second = await runAllMySmsNode({ credentials: account.credentials, parameters });

		expect(second.items[0].json.campaignId).toBe(first.items[0].json.campaignId);
		expect(second.items[0].json.treatmentStatus).toBeDefined();
		expect(account.sandbox.state.account(account.login).credits).toBe(creditsAfterFirst);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
	});

	test('a sub-account set in the credential travels in the Allmysms-Subaccount header and spends its credits', async () => {
		account.sandbox.state.createAccount({
			login: 'acme_shop',
			apiKey: 'unused-sub-key',
			credits: 500,
			subAccountOf: account.login,
		});
		const masterCredits = account.sandbox.state.account(account.login).credits;
		await runAllMySmsNode({
			credentials: { ...account.credentials, subAccount: 'acme_shop' },
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '0612345678',
				message: 'From the shop',
			},
		});
		const [request] = requestsTo(account.sandbox, 'sendSms');
		expect(request.headers['allmysms-subaccount']).toBe('acme_shop');
		expect(request.form.subAccount).toBeUndefined();
		expect(account.sandbox.state.account('acme_shop').credits).toBe(485);
		expect(account.sandbox.state.account(account.login).credits).toBe(masterCredits);
	});

	test('a number the API discards is reported on its recipient item', async () => {
		account.sandbox.state.blacklist(account.login, '33622222222', 'stop');
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '0611111111' }, { phone: '0622222222' }],
			parameters: {
				...campaignParameters,
				message: 'Hi',
				messageParameters: {},
				options: { explainDiscarded: true },
			},
		});
		expect(items[0].json.smsId).toEqual(expect.any(String));
		expect(items[1].json).toEqual(
			expect.objectContaining({ smsId: null, notSentReason: 'blacklist_stop' }),
		);
	});

	test('a custom sender to France without "STOP au 36180" gets a hint, since AllMySMS would not use it', async () => {
		const { run } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '0612345678',
				message: 'Your parcel is on its way',
				// Commercial sends get the mention added (test/rules/sendingRules.test.ts).
				messageCategory: 'transactional',
				options: { sender: 'ACME' },
			},
		});
		const hints = run.data.resultData.runData.AllMySMS[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([expect.stringContaining('STOP au 36180')]);
	});
});

describe('simulateCampaign and simpleSms', () => {
	test('simulateCampaign counts without sending or spending', async () => {
		const before = account.sandbox.state.account(account.login).credits;
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: recipients,
			parameters: {
				...campaignParameters,
				operation: 'simulateCampaign',
				options: { recipientsPerRequest: 2 },
			},
		});
		expect(requestsTo(account.sandbox, 'simulateCampaign')).toHaveLength(2);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				nbContacts: 3,
				nbSms: 3,
				nbCredits: expect.any(Number),
				requests: 2,
				invalidNumbers: [],
			}),
		);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(account.sandbox.state.account(account.login).credits).toBe(before);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(0);
	});

	test('simpleSms sends plain form fields to the base URL', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'simpleSms',
				phoneNumbers: '0612345678; 0712345678',
				message: 'Simple hello',
				messageCategory: 'transactional',
				options: { sender: 'ACME', campaignName: 'simple', uniqueIdentifier: 'simple-1' },
			},
		});
		const [request] = requestsTo(account.sandbox, 'simpleSms');
		expect(request.path).toBe('/http/9.0/');
		expect(request.form).toEqual({
			login: account.login,
			apiKey: account.apiKey,
			returnformat: 'json',
			message: 'Simple hello',
			mobile: '0612345678;0712345678',
			tpoa: 'ACME',
			campaign: 'simple',
			coding: '1',
			uniqueidentifier: 'simple-1',
		});
		expect(items[0].json).toEqual(
			expect.objectContaining({ status: 100, campaignId: expect.any(String), invalidNumbers: [] }),
		);
	});
});

describe('every send says what happened in the same English fields', () => {
	test('a scheduled campaign: each recipient says "scheduled" and when, beside AllMySMS\'s own French text', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '0611111111' }, { phone: '0622222222' }],
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				sendMode: 'campaign',
				messageCategory: 'transactional',
				phoneNumbers: '={{ $json.phone }}',
				message: 'Your appointment is tomorrow',
				options: { sendAt: `${JUNE_TUESDAY}T09:30:00` },
			},
		});
		expect(error).toBeUndefined();
		expect(
			items.map((item) => [item.json.outcome, item.json.scheduledFor, item.json.statusText]),
		).toEqual([
			[
				'scheduled',
				`${JUNE_TUESDAY}T09:30:00+02:00`,
				'Le message a été programmé pour un envoi différé',
			],
			[
				'scheduled',
				`${JUNE_TUESDAY}T09:30:00+02:00`,
				'Le message a été programmé pour un envoi différé',
			],
		]);
	});

	test('a send that goes now says "sent", with no date', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				messageCategory: 'transactional',
				phoneNumbers: '0612345678',
				message: 'Your code is 4821',
			},
		});
		expect(items[0].json).toEqual(expect.objectContaining({ status: 100, outcome: 'sent' }));
		expect(items[0].json).not.toHaveProperty('scheduledFor');
	});
});
