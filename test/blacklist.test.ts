import { runAllMySmsNode } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

const at = (iso: string) => new Date(iso);

describe('getBlacklist', () => {
	test('one item per blacklisted number, newest first', async () => {
		const { state } = account.sandbox;
		state.blacklist(account.login, '0611111111', 'stop', at('2025-02-18T11:10:23Z'));
		state.blacklist(account.login, '+33622222222', 'Refused', at('2025-02-18T10:32:11Z'));
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'blacklist', operation: 'getBlacklist' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ phoneNumber: '33611111111', comment: 'stop', receptionDate: '2025-02-18 12:10:23' },
			{ phoneNumber: '33622222222', comment: 'Refused', receptionDate: '2025-02-18 11:32:11' },
		]);
	});

	test('only the numbers of one campaign, and the same items from an XML answer', async () => {
		const { state } = account.sandbox;
		state.blacklist(account.login, '0611111111', 'stop').campaignId = 'campaign1';
		state.blacklist(account.login, '0622222222', 'stop').campaignId = 'campaign2';
		const parameters = { resource: 'blacklist', operation: 'getBlacklist' };
		const xml = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...parameters, options: { campaignId: ' campaign1 ', requestFormat: 'xml' } },
		});
		const json = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...parameters, options: { campaignId: 'campaign1' } },
		});
		const [xmlRequest] = requestsTo(account.sandbox, 'getBlacklist');
		expect(xmlRequest.form).toEqual(
			expect.objectContaining({ campaignId: 'campaign1', returnformat: 'xml' }),
		);
		expect(xmlRequest.answer.body).toMatch(
			/<getBlacklist>\s*<blacklist>\s*<contact>\s*<phoneNumber>33611111111<\/phoneNumber>/,
		);
		expect(xml.items.map((item) => item.json.phoneNumber)).toEqual(['33611111111']);
		expect(xml.items.map((item) => item.json)).toEqual(json.items.map((item) => item.json));
	});

	test('an empty blacklist gives no item, in JSON as in XML', async () => {
		const parameters = { resource: 'blacklist', operation: 'getBlacklist' };
		const json = await runAllMySmsNode({ credentials: account.credentials, parameters });
		const xml = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...parameters, options: { requestFormat: 'xml' } },
		});
		expect([json.error, xml.error]).toEqual([undefined, undefined]);
		expect([json.items, xml.items]).toEqual([[], []]);
	});

	test("a sub-account's blacklist through the Sub-account option", async () => {
		const { state } = account.sandbox;
		state.createAccount({ login: 'acme_shop', apiKey: 'shop-key', subAccountOf: account.login });
		state.blacklist('acme_shop', '0633333333', 'manual unsubscribe');
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'blacklist',
				operation: 'getBlacklist',
				options: { subAccount: 'acme_shop' },
			},
		});
		expect(requestsTo(account.sandbox, 'getBlacklist')[0].form.subAccount).toBe('acme_shop');
		expect(items.map((item) => item.json.phoneNumber)).toEqual(['33633333333']);
	});
});

describe('deleteBlacklistEntry', () => {
	const remove = (phoneNumber: string, requestFormat: 'json' | 'xml' = 'json') =>
		runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'blacklist',
				operation: 'deleteBlacklistEntry',
				phoneNumber,
				options: { requestFormat },
			},
		});
	const send = () =>
		runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '0611111111',
				message: 'Your parcel is on its way',
			},
		});

	test('a number removed from the blacklist receives SMS again', async () => {
		account.sandbox.state.blacklist(account.login, '0611111111', 'manual unsubscribe');
		const blocked = await send();
		expect(blocked.error?.message).toMatch(/\(status 114\)$/);

		const removed = await remove('06 11 11 11 11');
		expect(removed.error).toBeUndefined();
		expect(removed.items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: 'phone number successfully deleted' },
		]);
		expect(requestsTo(account.sandbox, 'deleteBlacklistEntry')[0].path).toBe(
			'/http/9.0/deleteblacklistentry/',
		);
		expect(requestsTo(account.sandbox, 'deleteBlacklistEntry')[0].form.phoneNumber).toBe(
			'0611111111',
		);
		expect(account.sandbox.state.account(account.login).blacklist.size).toBe(0);

		const sent = await send();
		expect(sent.error).toBeUndefined();
		expect(sent.items[0].json.status).toBe(100);
	});

	test('a STOP request cannot be removed: the API refuses with status 0 (XML answer)', async () => {
		account.sandbox.state.blacklist(account.login, '0611111111', 'stop');
		const { error } = await remove('+33611111111', 'xml');
		expect(requestsTo(account.sandbox, 'deleteBlacklistEntry')[0].answer.body).toMatch(
			/<deleteblacklistentry>\s*<status>0<\/status>/,
		);
		expect(error?.message).toBe(
			'AllMySMS: phone number unsubscribed by STOP cannot be deleted (status 0)',
		);
		expect(account.sandbox.state.account(account.login).blacklist.size).toBe(1);
	});

	test('something that is not a phone number stops the node before any request', async () => {
		const { error } = await remove('call me');
		expect(error?.message).toBe(
			'Invalid "Phone Number" in item 0: "call me" is not a phone number',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});
});
