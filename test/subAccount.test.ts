import type { INodeParameters } from 'n8n-workflow';

import { loadOptions, runAllMySmsNode } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount({ credits: 10_000 });
});

afterEach(async () => {
	await account.sandbox.close();
});

const addSubAccount = (
	login: string,
	credits = 0,
	extra: { firstName?: string; lastName?: string } = {},
) =>
	account.sandbox.state.createAccount({
		login,
		apiKey: `${login}-key`,
		credits,
		subAccountOf: account.login,
		...extra,
	});

const newSubAccount = {
	resource: 'subAccount',
	operation: 'createSubAccount',
	subAccountLogin: 'acme_paris',
	password: 'secret123',
	firstName: 'Thomas',
	lastName: 'Dupont',
	email: 'thomas@example.com',
};

describe('createSubAccount', () => {
	test('sends the accountData flow and the new sub-account is listed, then usable through the credential', async () => {
		const created = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				...newSubAccount,
				options: { society: 'Acme Paris', city: 'Paris', sendEmailToCustomer: true, active: true },
			},
		});
		expect(created.error).toBeUndefined();
		expect(created.items.map((item) => item.json)).toEqual([
			{ status: 1, text: 'Sub-account successfully created', login: 'acme_paris' },
		]);
		const [request] = requestsTo(account.sandbox, 'createSubAccount');
		expect(JSON.parse(request.form.accountData)).toEqual({
			DATA: {
				LOGIN: 'acme_paris',
				PASSWORD: 'secret123',
				FIRSTNAME: 'Thomas',
				LASTNAME: 'Dupont',
				EMAIL: 'thomas@example.com',
				SOCIETY: 'Acme Paris',
				CITY: 'Paris',
				SENDEMAILTOCUSTOMER: '1',
				ACTIVE: '1',
			},
		});

		const listed = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'subAccount', operation: 'getSubAccounts' },
		});
		expect(listed.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				Login: 'acme_paris',
				FirstName: 'Thomas',
				LastName: 'Dupont',
				Company: 'Acme Paris',
				City: 'Paris',
				Credits: 0,
				Balance: 0,
			}),
		]);

		const info = await runAllMySmsNode({
			credentials: { ...account.credentials, subAccount: 'acme_paris' },
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		expect(info.error).toBeUndefined();
		expect(info.items[0].json).toEqual(
			expect.objectContaining({ credits: 0, firstName: 'Thomas', lastName: 'Dupont' }),
		);
		expect(requestsTo(account.sandbox, 'getInfo')[0].headers['allmysms-subaccount']).toBe(
			'acme_paris',
		);
	});

	test('sends the flow as XML and reads the XML answer', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				...newSubAccount,
				firstName: 'Zoé & Co',
				options: { requestFormat: 'xml', postpaid: false },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'createSubAccount');
		expect(request.form.returnformat).toBe('xml');
		expect(request.form.accountData).toMatch(
			/^<DATA><LOGIN>acme_paris<\/LOGIN><PASSWORD>secret123<\/PASSWORD><FIRSTNAME>Zoé &amp; Co<\/FIRSTNAME>/,
		);
		expect(request.form.accountData).toContain('<POSTPAID>0</POSTPAID>');
		expect(request.answer.body).toMatch(
			/<createSubAccount>\s*<status>1<\/status>\s*<text>Sub-account successfully created<\/text>/,
		);
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, text: 'Sub-account successfully created', login: 'acme_paris' },
		]);
		expect(account.sandbox.state.account('acme_paris').firstName).toBe('Zoé & Co');
	});

	test('a password shorter than 6 characters stops the node before any request', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...newSubAccount, password: '12345' },
		});
		expect(error?.message).toBe(
			'Invalid "Password" in item 0: AllMySMS requires 6 characters or more',
		);
		expect(requestsTo(account.sandbox, 'createSubAccount')).toHaveLength(0);
	});

	test('an email address without @ stops the node before any request', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...newSubAccount, email: 'thomas.example.com' },
		});
		expect(error?.message).toBe(
			'Invalid "Email" in item 0: "thomas.example.com" is not an email address',
		);
		expect(requestsTo(account.sandbox, 'createSubAccount')).toHaveLength(0);
	});

	test('a login already taken fails with the text of annex 6, read from `text`', async () => {
		addSubAccount('acme_paris');
		const { error, items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: newSubAccount,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.error).toBe('AllMySMS: Une erreur est survenue (status 0)');
	});
});

describe('getSubAccounts', () => {
	test('one item per sub-account, numbers as numbers', async () => {
		addSubAccount('acme_a', 300, { firstName: 'Ann' });
		addSubAccount('acme_b', 45.5);
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'subAccount', operation: 'getSubAccounts' },
		});
		expect(error).toBeUndefined();
		expect(
			items.map((item) => [
				item.json.Login,
				item.json.FirstName,
				item.json.Credits,
				item.json.Balance,
			]),
		).toEqual([
			['acme_a', 'Ann', 300, 0.9],
			['acme_b', '', 45.5, 0.14],
		]);
		expect(requestsTo(account.sandbox, 'getSubAccounts')[0].form).toEqual({
			login: account.login,
			apiKey: account.apiKey,
			returnformat: 'json',
		});
	});

	test('no sub-account ("No subaccount found", status 0) gives no item and no error', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'subAccount', operation: 'getSubAccounts' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(JSON.parse(requestsTo(account.sandbox, 'getSubAccounts')[0].answer.body)).toEqual({
			status: 0,
			statusText: 'No subaccount found',
		});
	});

	test("any other status 0 (a wrong key) is an error with the API's text, not an empty list", async () => {
		const parameters = { resource: 'subAccount', operation: 'getSubAccounts' };
		for (const requestFormat of ['json', 'xml']) {
			const { items, error } = await runAllMySmsNode({
				credentials: { ...account.credentials, apiKey: 'not-the-key' },
				parameters: { ...parameters, options: { requestFormat } },
			});
			expect(items).toEqual([]);
			expect(error?.message).toBe(
				'AllMySMS: Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés (status 0)',
			);
		}
		const answers = requestsTo(account.sandbox, 'getSubAccounts').map(
			(request) => request.answer.body,
		);
		expect(JSON.parse(answers[0])).toEqual({
			status: 0,
			statusText: expect.stringMatching(/^Problème de connexion/),
		});
		expect(answers[1]).toMatch(/<status>0<\/status>\s*<statusText>Problème de connexion/);
	});

	test('a status 0 with another text is an error too; "No subaccount found" in any case is an empty list', async () => {
		const parameters = { resource: 'subAccount', operation: 'getSubAccounts' };
		account.sandbox.injectFault({
			apiMethod: 'getSubAccounts',
			mode: 'rawAnswer',
			contentType: 'application/json',
			body: '{"status":"0","statusText":"Une erreur est survenue"}',
		});
		const refused = await runAllMySmsNode({ credentials: account.credentials, parameters });
		expect(refused.error?.message).toBe('AllMySMS: Une erreur est survenue (status 0)');
		account.sandbox.injectFault({
			apiMethod: 'getSubAccounts',
			mode: 'rawAnswer',
			contentType: 'application/json',
			body: '{"status":"0","statusText":"no subaccount found"}',
		});
		const empty = await runAllMySmsNode({ credentials: account.credentials, parameters });
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	test('the XML answer gives the same items as the JSON one', async () => {
		addSubAccount('acme_a', 300);
		addSubAccount('acme_b', 10);
		const parameters = { resource: 'subAccount', operation: 'getSubAccounts' };
		const xml = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...parameters, options: { requestFormat: 'xml' } },
		});
		const json = await runAllMySmsNode({ credentials: account.credentials, parameters });
		expect(requestsTo(account.sandbox, 'getSubAccounts')[0].answer.body).toMatch(
			/<getSubAccounts>\s*<total>2<\/total>\s*<subAccounts>\s*<subAccount>/,
		);
		expect(xml.items).toHaveLength(2);
		expect(xml.items.map((item) => item.json)).toEqual(json.items.map((item) => item.json));
	});

	test('the sub-account dropdown lists what the account holds', async () => {
		addSubAccount('acme_a', 0, { firstName: 'Ann', lastName: 'Lee' });
		addSubAccount('acme_b');
		await expect(loadOptions(account.credentials, 'getSubAccounts')).resolves.toEqual([
			{ name: 'acme_a (Ann Lee)', value: 'acme_a' },
			{ name: 'acme_b', value: 'acme_b' },
		]);
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'deleteSubAccount',
				loginToDelete: 'acme_b',
			},
		});
		await expect(loadOptions(account.credentials, 'getSubAccounts')).resolves.toEqual([
			{ name: 'acme_a (Ann Lee)', value: 'acme_a' },
		]);
	});
});

describe('manageSubAccountCredits', () => {
	const move = (credits: number, subAccount = 'acme_shop', options: INodeParameters = {}) =>
		runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'manageSubAccountCredits',
				subAccount,
				credits,
				options,
			},
			continueOnFail: true,
		});

	test('+500 then -200 move credits between the master account and the sub-account', async () => {
		addSubAccount('acme_shop', 100);
		const given = await move(500);
		expect(given.items.map((item) => item.json)).toEqual([
			{ Login: 'acme_shop', Credits: 600, Balance: 1.8 },
		]);
		expect(requestsTo(account.sandbox, 'manageSubAccountCredits')[0].form).toEqual(
			expect.objectContaining({ subAccount: 'acme_shop', credits: '500' }),
		);
		expect(account.sandbox.state.account(account.login).credits).toBe(9_500);

		const takenBack = await move(-200);
		expect(takenBack.items.map((item) => item.json)).toEqual([
			{ Login: 'acme_shop', Credits: 400, Balance: 1.2 },
		]);
		expect(requestsTo(account.sandbox, 'manageSubAccountCredits')[1].form.credits).toBe('-200');
		expect(account.sandbox.state.account(account.login).credits).toBe(9_700);
		expect(account.sandbox.state.account('acme_shop').credits).toBe(400);
	});

	test('the XML answer (status OK, one <subAccount>) gives the same item', async () => {
		addSubAccount('acme_shop', 100);
		const { items, error } = await move(50, 'acme_shop', { requestFormat: 'xml' });
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'manageSubAccountCredits')[0].answer.body).toMatch(
			/<manageSubAccountCredits>\s*<status>OK<\/status>\s*<subAccount>\s*<Login>acme_shop<\/Login>/,
		);
		expect(items.map((item) => item.json)).toEqual([
			{ Login: 'acme_shop', Credits: 150, Balance: 0.45 },
		]);
	});

	test('a login that is not one of your sub-accounts fails with status 0 and its text', async () => {
		account.sandbox.state.createAccount({ login: 'stranger', apiKey: 'stranger-key' });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'manageSubAccountCredits',
				subAccount: 'stranger',
				credits: 10,
			},
		});
		expect(error?.message).toBe(
			"AllMySMS: Le sous compte n'est pas rattaché au compte maître (status 0)",
		);
		expect(error?.description).toContain('not one of your sub-accounts');
		expect(account.sandbox.state.account('stranger').credits).toBe(0);
	});

	test('taking back more than the sub-account has fails with status 4; giving more than you have with status 5', async () => {
		addSubAccount('acme_shop', 100);
		const tooMuchBack = await move(-101);
		expect(tooMuchBack.items[0].json.error).toBe(
			"AllMySMS: Le sous compte n'a pas assez de crédits (dans le cas d'un débit) (status 4)",
		);
		const tooMuch = await move(10_001);
		expect(tooMuch.items[0].json.error).toBe(
			"AllMySMS: Le compte maître n'a pas assez de crédits (dans le cas d'un crédit) (status 5)",
		);
		expect(account.sandbox.state.account('acme_shop').credits).toBe(100);
		expect(account.sandbox.state.account(account.login).credits).toBe(10_000);
	});

	test('0 credits stops the node before any request', async () => {
		addSubAccount('acme_shop', 100);
		const { items } = await move(0);
		expect(items[0].json.error).toBe(
			'Invalid "Credits" in item 0: 0 moves nothing: a positive number gives credits to the sub-account, a negative one takes them back',
		);
		expect(requestsTo(account.sandbox, 'manageSubAccountCredits')).toHaveLength(0);
	});
});

describe('updateSubAccount', () => {
	test('sends only the fields to change, for the chosen sub-account', async () => {
		addSubAccount('acme_shop', 0, { firstName: 'Old' });
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'updateSubAccount',
				subAccount: 'acme_shop',
				options: { firstName: 'New', billMobile: '+33611111111', active: false },
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, text: 'Sub-account successfully updated', login: 'acme_shop' },
		]);
		const [request] = requestsTo(account.sandbox, 'updateSubAccount');
		expect(request.form.subAccount).toBe('acme_shop');
		expect(request.headers['allmysms-subaccount']).toBeUndefined();
		// 22.2 names the billing mobile BILLCODE, 21.2 BILLMOBILE: both are sent.
		expect(JSON.parse(request.form.accountData)).toEqual({
			DATA: { FIRSTNAME: 'New', BILLMOBILE: '+33611111111', BILLCODE: '+33611111111', ACTIVE: '0' },
		});
		const updated = account.sandbox.state.account('acme_shop');
		expect([updated.firstName, updated.profile.BILLMOBILE, updated.active]).toEqual([
			'New',
			'+33611111111',
			false,
		]);
	});

	test('refuses before any request when the credential acts as a sub-account (annex 14)', async () => {
		addSubAccount('acme_shop');
		const { error } = await runAllMySmsNode({
			credentials: { ...account.credentials, subAccount: 'acme_shop' },
			parameters: {
				resource: 'subAccount',
				operation: 'updateSubAccount',
				subAccount: 'acme_shop',
				options: { city: 'Lyon' },
			},
		});
		expect(error?.message).toBe('updateSubAccount is not available when acting as a sub-account');
		expect(error?.description).toContain('Sub-account "acme_shop"');
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('nothing to change, or a short new password, stops the node before any request', async () => {
		addSubAccount('acme_shop');
		const parameters = {
			resource: 'subAccount',
			operation: 'updateSubAccount',
			subAccount: 'acme_shop',
		};
		const nothing = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...parameters, options: { requestFormat: 'xml' } },
		});
		expect(nothing.error?.message).toBe(
			'Invalid "Options" in item 0: add at least one sub-account field to change',
		);
		const short = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...parameters, options: { password: 'abc' } },
		});
		expect(short.error?.message).toBe(
			'Invalid "New Password" in item 0: AllMySMS requires 6 characters or more',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a new login is taken into account: the sub-account answers under it', async () => {
		addSubAccount('acme_shop', 42);
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'updateSubAccount',
				subAccount: 'acme_shop',
				options: { newLogin: 'acme_store', requestFormat: 'xml' },
			},
		});
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'updateSubAccount')[0].form.accountData).toBe(
			'<DATA><LOGIN>acme_store</LOGIN></DATA>',
		);
		await expect(loadOptions(account.credentials, 'getSubAccounts')).resolves.toEqual([
			{ name: 'acme_store', value: 'acme_store' },
		]);
	});
});

describe('deleteSubAccount', () => {
	test('deletes the sub-account: it disappears from the list and can no longer be used in the credential', async () => {
		addSubAccount('acme_shop', 100);
		const deleted = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'deleteSubAccount',
				loginToDelete: 'acme_shop',
			},
		});
		expect(deleted.error).toBeUndefined();
		expect(deleted.items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: 'Sub-account has been successfully deleted', login: 'acme_shop' },
		]);
		expect(requestsTo(account.sandbox, 'deleteSubAccount')[0].form).toEqual(
			expect.objectContaining({ loginToDelete: 'acme_shop' }),
		);

		const listed = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'subAccount', operation: 'getSubAccounts' },
		});
		expect(listed.items).toEqual([]);
		const asDeleted = await runAllMySmsNode({
			credentials: { ...account.credentials, subAccount: 'acme_shop' },
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		expect(asDeleted.error?.message).toBe(
			"AllMySMS: Problème de connexion - Le sous-compte acme_shop n'est pas rattaché à ce compte",
		);
	});

	test('an unknown login fails with the API text', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'subAccount',
				operation: 'deleteSubAccount',
				loginToDelete: 'ghost',
				options: { requestFormat: 'xml' },
			},
		});
		expect(error?.message).toBe('AllMySMS: Sub-account not found (status 0)');
	});
});
