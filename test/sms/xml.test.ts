import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

const campaign = (message: string, requestFormat: 'json' | 'xml') => ({
	resource: 'sms',
	operation: 'sendSms',
	sendMode: 'campaign',
	phoneNumbers: '={{ $json.phone }}',
	message,
	messageParameters: { parameter: [{ value: '={{ $json.name }}' }] },
	options: { requestFormat, sender: 'ACME', campaignName: 'Tom & Jerry' },
});

const input = [
	{ phone: '0611111111', name: 'Tom <cat>' },
	{ phone: '0622222222', name: 'Jerry & co' },
];

/** Outputs without what differs from one send to the next. */
const stable = (items: Array<{ json: Record<string, unknown> }>) =>
	items.map(({ json }) => ({
		...json,
		campaignId: typeof json.campaignId,
		smsId: typeof json.smsId,
	}));

describe('XML both ways', () => {
	test('the smsData flow is sent as XML, the answer comes back as XML, and the items equal the JSON ones', async () => {
		const message = 'Hi #param_1#: 50% off <today> & "tomorrow" ]]> STOP au 36180';
		const xml = await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters: campaign(message, 'xml'),
		});
		const json = await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters: campaign(`${message} `, 'json'),
		});

		const [xmlRequest, jsonRequest] = requestsTo(account.sandbox, 'sendSms');
		expect(xmlRequest.form.returnformat).toBe('xml');
		expect(xmlRequest.smsData?.format).toBe('xml');
		expect(xmlRequest.smsData?.raw).toMatch(
			/^<DATA><MESSAGE><!\[CDATA\[Hi #param_1#: 50% off <today>/,
		);
		expect(xmlRequest.smsData?.raw).toContain(
			'<SMS><MOBILEPHONE>0611111111</MOBILEPHONE><PARAM_1>Tom &lt;cat&gt;</PARAM_1></SMS>',
		);
		expect(xmlRequest.answer.contentType).toMatch(/^application\/xml/);
		expect(xmlRequest.answer.body).toMatch(/<sendSms>[\s\S]*<smsIds>\s*<sms>/);

		// What the sandbox understood from the XML is what the JSON flow said.
		const xmlMessages = account.sandbox.state
			.campaigns(account.login)[0]
			.smsIds.map((id) => account.sandbox.state.sms(id)?.message);
		expect(xmlMessages).toEqual([
			'Hi Tom <cat>: 50% off <today> & "tomorrow" ]]> STOP au 36180',
			'Hi Jerry & co: 50% off <today> & "tomorrow" ]]> STOP au 36180',
		]);
		expect(account.sandbox.state.campaigns(account.login)[0].name).toBe('Tom & Jerry');
		expect(jsonRequest.smsData?.format).toBe('json');

		expect(xml.error).toBeUndefined();
		expect(stable(xml.items)).toEqual(stable(json.items));
		expect(xml.items).toHaveLength(2);
	});

	test('getInfo gives the same item from an XML answer as from a JSON one', async () => {
		const xml = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'account', operation: 'getInfo', options: { requestFormat: 'xml' } },
		});
		const json = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'account', operation: 'getInfo' },
		});
		const [xmlRequest] = requestsTo(account.sandbox, 'getInfo');
		expect(xmlRequest.answer.body).toMatch(/^<\?xml[^>]*>\s*<getInfo>/);
		expect(xml.items[0].json).toEqual(json.items[0].json);
		expect(xml.items[0].json).toEqual(
			expect.objectContaining({ credits: 10000, status: 'Active Account' }),
		);
	});
});
