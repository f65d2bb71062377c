import type { IDataObject } from 'n8n-workflow';

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

function send(parameters: IDataObject, input?: IDataObject[], continueOnFail = false) {
	return runAllMySmsNode({
		credentials: account.credentials,
		input,
		continueOnFail,
		parameters: {
			resource: 'sms',
			operation: 'sendSms',
			phoneNumbers: '0612345678',
			message: 'Hello',
			...parameters,
		},
	});
}

describe('bad input stops the node before anything is sent', () => {
	test('a 9-part message', async () => {
		const { error } = await send({ message: 'x'.repeat(153 * 8 + 1) });
		expect(error?.message).toBe(
			'Invalid "Message" in item 0: 1225 characters make 9 SMS parts in GSM-7; the maximum is 8 parts (1224 characters, line breaks and ^{}\\[~]|€ counting double)',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a 2-character sender name', async () => {
		const { error } = await send({ options: { sender: 'AB' } });
		expect(error?.message).toBe(
			'Invalid "Sender Name" in item 0: "AB" has 2 characters; a sender name has 3 to 11',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a landline number', async () => {
		const { error } = await send({ phoneNumbers: '0612345678, 04 93 00 00 00' });
		expect(error?.message).toBe(
			'Invalid "Phone Numbers" in item 0: "04 93 00 00 00" is a French landline or special number; AllMySMS only sends to mobiles (06/07xxxxxxxx, +336/+337xxxxxxxx or 336/337xxxxxxxx)',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a date that is not one', async () => {
		const { error } = await send({ options: { sendAt: 'next tuesday' } });
		expect(error?.message).toBe('Invalid "Send At" in item 0: "next tuesday" is not a date');
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a placeholder without its parameter', async () => {
		const { error } = await send({
			message: 'Hi #param_1#, code #param_2#',
			messageParameters: { parameter: [{ value: 'Ada' }] },
		});
		expect(error?.message).toBe(
			'Invalid "Message Parameters" in item 0: the message uses #param_2# but 1 parameter(s) are set in Message Parameters',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('an emoji with GSM-7 forced', async () => {
		const { error } = await send({ message: 'Party 🎉', options: { coding: 'gsm7' } });
		expect(error?.message).toBe(
			'Invalid "Encoding" in item 0: GSM-7 cannot send "🎉"; choose Unicode or Automatic',
		);
	});

	test('one bad item among several: no item is sent, and the error names the item', async () => {
		const { error, items } = await send({ phoneNumbers: '={{ $json.phone }}' }, [
			{ phone: '0611111111' },
			{ phone: '0622222222' },
			{ phone: '0123456789' },
		]);
		expect(error?.message).toMatch(
			/^Invalid "Phone Numbers" in item 2: "0123456789" is a French landline/,
		);
		expect(error?.context?.itemIndex).toBe(2);
		expect(error?.description).toBe(
			'Nothing was sent: every item is checked before the first request.',
		);
		expect(items).toHaveLength(0);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a personalised text that grows past 8 parts is caught for its own recipient', async () => {
		const { error } = await send(
			{
				sendMode: 'campaign',
				phoneNumbers: '={{ $json.phone }}',
				message: `${'y'.repeat(1210)} #param_1#`,
				messageParameters: { parameter: [{ value: '={{ $json.name }}' }] },
			},
			[
				{ phone: '0611111111', name: 'Al' },
				{ phone: '0622222222', name: 'Bartholomew-Maximilian' },
			],
		);
		expect(error?.message).toMatch(
			/^Invalid "Message" in item 1: 1233 characters make 9 SMS parts in GSM-7/,
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('items of one campaign must agree on the message', async () => {
		const { error } = await send(
			{
				sendMode: 'campaign',
				phoneNumbers: '={{ $json.phone }}',
				message: '=Hi {{ $json.phone }}',
			},
			[{ phone: '0611111111' }, { phone: '0622222222' }],
		);
		expect(error?.message).toBe(
			'Item 1 does not fit in the campaign: its Message differ(s) from item 0',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});
});

describe('the limits themselves', () => {
	test.each([
		['160 GSM-7 characters are one SMS', 'a'.repeat(160), 1],
		['161 GSM-7 characters are two', 'a'.repeat(161), 2],
		['extension characters count double', '€'.repeat(80), 1],
		['…and 81 of them are two SMS', '€'.repeat(81), 2],
		['a line break counts double (manual 7.3)', `${'a'.repeat(159)}\n`, 2],
		['accented French letters stay GSM-7', `${'é'.repeat(100)}${'ê'.repeat(60)}`, 1],
		['70 Unicode characters are one SMS', 'Ж'.repeat(70), 1],
		['71 are two', 'Ж'.repeat(71), 2],
		['1224 GSM-7 characters are the maximum', 'b'.repeat(1224), 8],
		['536 Unicode characters are the maximum', 'Ж'.repeat(536), 8],
	])('%s', async (_name, message, parts) => {
		const { items, error } = await send({ message });
		expect(error).toBeUndefined();
		expect(items[0].json.nbSms).toBe(parts);
	});

	test('537 Unicode characters are refused', async () => {
		const { error } = await send({ message: 'Ж'.repeat(537) });
		expect(error?.message).toMatch(
			/^Invalid "Message" in item 0: 537 characters make 9 SMS parts in Unicode; the maximum is 8 parts \(536 characters/,
		);
	});

	test.each([
		['+33 6 12 34 56 78', '+33612345678'],
		['0033612345678', '+33612345678'],
		['06.12.34.56.78', '0612345678'],
		['+32 470 12 34 56', '+32470123456'],
		['+81 90 1234 5678', '+819012345678'],
	])('%s is sent as %s', async (given, sent) => {
		// The sandbox prices no Japanese number: the cost check would refuse it.
		await send({ phoneNumbers: given, options: { allowPartialSends: true } });
		const [request] = requestsTo(account.sandbox, 'sendSms');
		expect((request.smsData?.data as { DATA: { SMS: unknown[] } }).DATA.SMS).toEqual([
			{ MOBILEPHONE: sent },
		]);
	});

	test.each([
		['+33 1 23 45 67 89', 'is not a mobile number of France'],
		['+32 2 123 45 67', 'is not a mobile number of Belgium'],
		['612345678', 'looks like a French mobile number without its leading 0'],
		['06 12 34', 'is not a valid French mobile number'],
		['call me', 'is not a phone number'],
	])('%s is refused: %s', async (given, reason) => {
		const { error } = await send({ phoneNumbers: given });
		expect(error?.message).toContain(reason);
		expect(account.sandbox.requests).toHaveLength(0);
	});
});

describe('continue on fail', () => {
	test('bad items become error items and the good ones are still sent', async () => {
		const { items, error } = await send(
			{ phoneNumbers: '={{ $json.phone }}', message: '=Hi {{ $json.phone }}' },
			[{ phone: '0611111111' }, { phone: '0123456789' }, { phone: '0633333333' }],
			true,
		);
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(2);
		expect(items.map((item) => item.json.status ?? item.json.error)).toEqual([
			100,
			expect.stringMatching(/^Invalid "Phone Numbers" in item 1/),
			100,
		]);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
