import { runAllMySmsNode, runCredentialTest } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

describe('getInfo (declarative routing)', () => {
	test('outputs the account, without the API key the answer echoes', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					status: 'Active Account',
					credits: 10000,
					nbSms: expect.any(Number),
					referenceCountryIso: 'FR',
					lastName: 'Lovelace',
					firstName: 'Ada',
					society: 'Acme',
					email: 'ada@example.com',
					balance: expect.any(Number),
					alerting: expect.any(Number),
				},
				pairedItem: { item: 0 },
			},
		]);
		const [request] = requestsTo(account.sandbox, 'getInfo');
		expect(request.answer.body).toContain(account.apiKey); // the API does echo it…
		expect(JSON.stringify(items)).not.toContain(account.apiKey); // …the node does not pass it on
		expect(request.form).toEqual({
			login: account.login,
			apiKey: account.apiKey,
			returnformat: 'json',
		});
	});

	test('acts as the sub-account set in the credential', async () => {
		account.sandbox.state.createAccount({
			login: 'acme_shop',
			apiKey: 'sub-key',
			credits: 1500,
			subAccountOf: account.login,
		});
		const { items } = await runAllMySmsNode({
			credentials: { ...account.credentials, subAccount: 'acme_shop' },
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		expect(requestsTo(account.sandbox, 'getInfo')[0].headers['allmysms-subaccount']).toBe(
			'acme_shop',
		);
		expect(items[0].json.credits).toBe(1500);
	});

	test('one request per input item, as n8n users expect from a read', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{}, {}],
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		expect(requestsTo(account.sandbox, 'getInfo')).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('credential test (declarative, run the way n8n runs it)', () => {
	const run = (data: Partial<TestAccount['credentials']>) =>
		runCredentialTest({ ...account.credentials, ...data });

	test('succeeds with the right key, calling getInfo with form fields', async () => {
		await expect(run({})).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = requestsTo(account.sandbox, 'getInfo');
		expect(request.httpMethod).toBe('POST');
		expect(request.query).toEqual({});
		expect(request.form).toEqual(
			expect.objectContaining({
				login: account.login,
				apiKey: account.apiKey,
				returnformat: 'json',
			}),
		);
	});

	test("fails with the API's own reason, without the key", async () => {
		const wrongKey = 'a-wrong-key-123456';
		const result = await run({ apiKey: wrongKey });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Wrong Login or API Key: no AllMySMS account matches them (AllMySMS says: "Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés"; its "clientcode" is the Login)',
		});
		expect(result.message).not.toContain(wrongKey);
	});

	test('fails when the sub-account is not one of the account', async () => {
		const result = await run({ subAccount: 'not-my-sub-account' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/the Sub-account \(it must be one of this account's\)/);
		const [request] = requestsTo(account.sandbox, 'getInfo');
		expect(request.headers['allmysms-subaccount']).toBe('not-my-sub-account');
	});

	test('says when AllMySMS cannot be reached', async () => {
		await account.sandbox.close();
		const result = await run({});
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(account.apiKey);
		account = await sandboxWithAccount();
	});
});
