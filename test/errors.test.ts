import { runAllMySmsNode } from './helpers/n8n';
import type { NodeRun } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

let account: TestAccount;
/** How far the sandbox's clock is ahead of the real one. */
let aheadMs = 0;

beforeEach(async () => {
	aheadMs = 0;
	account = await sandboxWithAccount({ credits: 100, now: () => new Date(Date.now() + aheadMs) });
});

afterEach(async () => {
	await account.sandbox.close();
});

const sendTo = (phoneNumbers: string, message: string) => ({
	resource: 'sms',
	operation: 'sendSms',
	phoneNumbers,
	message,
});

/** The key must appear nowhere: message, description, the serialised error and the whole run. */
function expectNoKey(run: NodeRun, apiKey: string): void {
	expect(run.error?.message ?? '').not.toContain(apiKey);
	expect(run.error?.description ?? '').not.toContain(apiKey);
	expect(JSON.stringify(run.error ?? {})).not.toContain(apiKey);
	expect(JSON.stringify(run.run)).not.toContain(apiKey);
	expect(JSON.stringify(run.items)).not.toContain(apiKey);
}

describe("the API's statuses become errors carrying its own text", () => {
	test('a wrong API key on a send: status 102 with the reason, and no key anywhere', async () => {
		const wrongKey = `${account.apiKey}-wrong`;
		const run = await runAllMySmsNode({
			credentials: { ...account.credentials, apiKey: wrongKey },
			parameters: sendTo('0612345678', 'Hello'),
		});
		// One SMS is one request: AllMySMS itself refuses it.
		expect(run.error?.message).toBe(
			'AllMySMS: Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés (status 102)',
		);
		expect(run.error?.description).toContain('Check the AllMySMS credential');
		expect(run.error?.context?.sendOutcome).toBe('not sent');
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(0);
		expectNoKey(run, wrongKey);
	});

	test('a wrong API key on a read method (error field): the reason, and no key anywhere', async () => {
		const wrongKey = `${account.apiKey}-wrong`;
		const run = await runAllMySmsNode({
			credentials: { ...account.credentials, apiKey: wrongKey },
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		expect(run.error?.message).toBe(
			'AllMySMS: Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
		);
		expectNoKey(run, wrongKey);
	});

	test('not enough credits (104)', async () => {
		// Allow Partial Sends: no credit check before the send, so the API's own refusal shows
		// (the check itself: test/rules/cost.test.ts).
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				...sendTo(
					'0611111111, 0622222222, 0633333333, 0644444444, 0655555555, 0666666666, 0677777777',
					'Hi',
				),
				options: { allowPartialSends: true },
			},
		});
		expect(error?.message).toMatch(
			/^AllMySMS: Crédit insuffisant pour traiter cet envoi\. A utiliser : 105 Crédits, Disponibles ?: 100 Crédits.* \(status 104\)$/,
		);
		expect(error?.description).toBe(
			'Not enough credits on the account for this send. Top up the account in the AllMySMS manager. Not sent: AllMySMS refused this request.',
		);
	});

	test('the same send in two executions 11 s apart is two sends: each execution has its own unique identifier', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Twice?'),
		});
		aheadMs += 11_000;
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Twice?'),
		});
		expect(error).toBeUndefined();
		const identifiers = requestsTo(account.sandbox, 'sendSms').map(
			(request) =>
				(request.smsData?.data as { DATA: { UNIQUEIDENTIFIER: string } }).DATA.UNIQUEIDENTIFIER,
		);
		expect(identifiers).toHaveLength(2);
		expect(identifiers[0]).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect(identifiers[1]).not.toBe(identifiers[0]);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(2);
	});

	test('the same send again seconds later (a double click, a webhook delivered twice): AllMySMS refuses it (121), the node reports it not sent and does not ask again', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Twice?'),
		});
		aheadMs += 2_000;
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Twice?'),
		});
		expect(error?.message).toMatch(/\(status 121\)$/);
		expect(error?.description).toMatch(
			/^An identical request was sent less than 10 seconds earlier.*Not sent/,
		);
		expect(error?.context?.sendOutcome).toBe('not sent');
		// One SMS, and the second request was not asked again until the 10 s had passed.
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(2);
	});

	test('a 121 is never shown as a failure of messages that went out: with the identifier, the node waits and asks again', async () => {
		// A server that checks 121 before the identifier: the first answer is lost, the retry gets 121, then the replay.
		account.sandbox.injectFault({ apiMethod: 'sendSms', mode: 'http500AfterWork' });
		account.sandbox.injectFault({
			apiMethod: 'sendSms',
			mode: 'rawAnswer',
			httpStatus: 200,
			contentType: 'application/json',
			body: JSON.stringify({
				status: 121,
				statusText:
					'Requête rejetée car une requête identique a été reçue il y a moins de 10 secondes',
			}),
		});
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Once'),
		});
		expect(error).toBeUndefined();
		const [campaign] = account.sandbox.state.campaigns(account.login);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				status: 100,
				campaignId: campaign.id,
				treatmentStatus: 'ALREADY_PROCESSED',
			}),
		);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(3);
	});

	test('a refusal after a try that may have gone through proves nothing: "may have been sent", and the SMS was indeed sent', async () => {
		// The first try is done by AllMySMS but its answer is lost; the retry is refused (104).
		account.sandbox.injectFault({ apiMethod: 'sendSms', mode: 'http500AfterWork' });
		account.sandbox.injectFault({
			apiMethod: 'sendSms',
			mode: 'rawAnswer',
			httpStatus: 200,
			contentType: 'application/json',
			body: JSON.stringify({
				status: 104,
				statusText: 'Crédit insuffisant pour traiter cet envoi.',
			}),
		});
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			continueOnFail: false,
			parameters: sendTo('0612345678', 'Maybe'),
		});
		expect(error?.message).toMatch(/\(status 104\): the messages may have been sent$/);
		expect(error?.context?.sendOutcome).toBe('may have been sent');
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
	});

	test('with continue on fail, an API error becomes an error item', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: { ...account.credentials, apiKey: 'not-the-key' },
			continueOnFail: true,
			parameters: sendTo('0612345678', 'Hello'),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error:
						'AllMySMS: Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés (status 102)',
					// AllMySMS refused the one request.
					outcome: 'not sent',
					uniqueIdentifier: expect.stringMatching(/^n8n-[0-9a-f]{32}$/),
					description: expect.stringMatching(
						/Check the AllMySMS credential.*Not sent: AllMySMS refused this request\.$/,
					),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('when a later item fails, the error lists what AllMySMS had already accepted', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{ numbers: '0611111111' },
				{ numbers: '0611111112, 0611111113, 0611111114, 0611111115, 0611111116, 0611111117' },
			],
			// Allow Partial Sends: what the user gets when they let a send go out unpaid.
			parameters: {
				...sendTo('={{ $json.numbers }}', '=Hello {{ $itemIndex }}'),
				options: { allowPartialSends: true },
			},
		});
		const [campaign] = account.sandbox.state.campaigns(account.login);
		expect(error?.message).toMatch(/\(status 104\)$/);
		expect(error?.context?.itemIndex).toBe(1);
		expect(error?.description).toContain(
			`Already accepted by AllMySMS before this error: item 0 (campaign ${campaign.id}).`,
		);
	});
});

describe('answers that are not what was asked for', () => {
	test('an HTML error page (HTTP 502) that outlasts the retries: the send may have been sent, and the error says how to check', async () => {
		account.sandbox.injectFault({
			apiMethod: 'sendSms',
			times: 4,
			httpStatus: 502,
			contentType: 'text/html',
			body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
		});
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Hi'),
		});
		expect(error?.message).toBe(
			'AllMySMS answered with HTTP 502 Bad Gateway: the messages may have been sent',
		);
		expect(error?.description).toMatch(
			/^The answer began with: 502 Bad Gateway nginx AllMySMS did not say whether it accepted this request \(4 tries\)\. The messages may have been sent\. Its unique identifier is n8n-[0-9a-f]{32}: /,
		);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(4);
	});

	test('an HTML error page once: the node tries again and sends once', async () => {
		account.sandbox.injectFault({
			apiMethod: 'sendSms',
			httpStatus: 502,
			contentType: 'text/html',
			body: '<html>502</html>',
		});
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Hi'),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe(100);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
	});

	test('an XML answer to a JSON request is read all the same, one smsId becoming a list', async () => {
		account.sandbox.injectFault({
			apiMethod: 'sendSms',
			httpStatus: 200,
			contentType: 'application/xml',
			body: '<?xml version="1.0" encoding="UTF-8"?><sendSms><status>100</status><statusText>Your messages have been sent</statusText><invalidNumbers></invalidNumbers><campaignId>abcdefghijklmno</campaignId><credits>85</credits><creditsUsed>15</creditsUsed><nbContacts>1</nbContacts><nbSms>1</nbSms><smsIds><sms><phoneNumber>33612345678</phoneNumber><smsId>f8c964e0-8e0a-11e5-bf51-0025907cd72e</smsId></sms></smsIds><balance>0.26</balance><cost>0.045</cost></sendSms>',
		});
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendTo('0612345678', 'Hi'),
		});
		expect(items[0].json).toEqual({
			status: 100,
			statusText: 'Your messages have been sent',
			invalidNumbers: [],
			campaignId: 'abcdefghijklmno',
			credits: 85,
			creditsUsed: 15,
			nbContacts: 1,
			nbSms: 1,
			smsIds: [{ phoneNumber: '33612345678', smsId: 'f8c964e0-8e0a-11e5-bf51-0025907cd72e' }],
			balance: 0.26,
			cost: 0.045,
			outcome: 'sent',
		});
	});

	test('a send whose connection drops says it may have been processed, without the key', async () => {
		account.sandbox.injectFault({ apiMethod: 'sendSms', mode: 'resetAfterWork', times: 2 });
		const run = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { ...sendTo('0612345678', 'Hi'), options: { retries: 1 } },
		});
		expect(run.error?.message).toMatch(
			/^Could not reach AllMySMS: .*: the messages may have been sent$/,
		);
		expect(run.error?.description).toContain(
			'(2 tries). The messages may have been sent. Its unique identifier is n8n-',
		);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(2);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
		expectNoKey(run, account.apiKey);
	});

	test('a read whose connection drops fails without the key in what n8n keeps', async () => {
		account.sandbox.injectFault({ apiMethod: 'getInfo', dropConnection: true, times: 2 });
		const run = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'account', operation: 'getInfo', options: { retries: 1 } },
		});
		expect(run.error?.message).toMatch(/^Could not reach AllMySMS: /);
		expect(run.error?.description).toContain('(2 tries). Nothing was changed.');
		expect(requestsTo(account.sandbox, 'getInfo')).toHaveLength(2);
		expectNoKey(run, account.apiKey);
	});
});
