import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { measureMessage } from '../../nodes/AllMySms/shared/validation/message';
import { loadOptions, runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount({ credits: 1_000_000 });
});

afterEach(async () => {
	await account.sandbox.close();
});

const run = (parameters: INodeParameters, input?: IDataObject[]) =>
	runAllMySmsNode({ credentials: account.credentials, parameters, input });

describe('bad inputs are refused before any request, naming the field and the item', () => {
	test.each([
		[
			'getCampaignsInfo',
			{
				resource: 'campaign',
				operation: 'getCampaignsInfo',
				startDate: '2026-01-01T00:00:00',
				endDate: '2026-02-01T00:00:00',
				limit: -5,
			},
			'-5',
		],
		['getPulls', { resource: 'reply', operation: 'getPulls', limit: -1 }, '-1'],
		['getPulls', { resource: 'reply', operation: 'getPulls', limit: 0 }, '0'],
	])('%s with Limit %p', async (_method, parameters, shown) => {
		const { error } = await run(parameters);
		expect(error?.message).toBe(
			`Invalid "Limit" in item 0: ${shown} is not a whole number of at least 1`,
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a Send At in the past is refused (SMS and voice); up to 5 minutes ago counts as now', async () => {
		const sms = await run({
			resource: 'sms',
			operation: 'sendSms',
			phoneNumbers: '0612345678',
			message: 'Hi',
			options: { sendAt: '2001-03-04T10:00:00' },
		});
		expect(sms.error?.message).toBe(
			'Invalid "Send At" in item 0: 2001-03-04 10:00:00 (French time) is in the past; leave Send At empty to send now',
		);
		const voice = await run({
			resource: 'voice',
			operation: 'simpleVocal',
			phoneNumbers: '0612345678',
			audioUrl: 'https://example.com/a.mp3',
			sender: '0123456789',
			options: { sendAt: '2001-03-04T10:00:00' },
		});
		expect(voice.error?.message).toMatch(/^Invalid "Send At" in item 0: .* is in the past/);
		expect(account.sandbox.requests).toHaveLength(0);
		const now = await run({
			resource: 'sms',
			operation: 'sendSms',
			phoneNumbers: '0612345678',
			message: 'Hi',
			options: { sendAt: '={{ $now.minus({ minutes: 1 }) }}' },
		});
		expect(now.error).toBeUndefined();
	});

	test.each(['__proto__', 'constructor', '__defineGetter__'])(
		'a contact field named %s',
		async (name) => {
			const { error } = await run({
				resource: 'contactList',
				operation: 'populateList',
				listName: 'Clients',
				contactsFrom: 'fields',
				mobilePhone: '0612345678',
				fieldValues: { value: [{ field: name, value: 'x' }] },
			});
			expect(error?.message).toBe(
				`Invalid "Field Values" in item 0: "${name}" cannot be a list field name; use the name of a field of the list`,
			);
			expect(account.sandbox.requests).toHaveLength(0);
		},
	);
});

describe('XML answers', () => {
	const xmlAnswer = (body: string) =>
		account.sandbox.injectFault({
			apiMethod: 'getInfo',
			mode: 'rawAnswer',
			httpStatus: 200,
			contentType: 'application/xml',
			body,
		});

	test('entity declarations are refused, neither expanded nor passed through', async () => {
		xmlAnswer(
			'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;">]><getInfo><credits>&lol9;</credits></getInfo>',
		);
		const { error, items } = await run({
			resource: 'account',
			operation: 'getInfo',
			options: { retries: 0 },
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe('AllMySMS answered with XML that is refused');
		expect(error?.description).toContain('declares a document type or entities');
	});

	test('a <__proto__> element is named in the error, not "neither JSON nor XML"', async () => {
		xmlAnswer(
			'<getInfo><__proto__><polluted>1</polluted></__proto__><credits>5</credits></getInfo>',
		);
		const { error } = await run({
			resource: 'account',
			operation: 'getInfo',
			options: { retries: 0 },
		});
		expect(error?.message).toBe('AllMySMS answered with XML that is refused');
		expect(error?.description).toBe(
			'The XML answer has an element named "__proto__", a name that could alter objects in n8n; the answer was refused.',
		);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});

	test('a refused XML answer to a read is tried again like any unreadable answer', async () => {
		xmlAnswer('<!DOCTYPE x><getInfo><credits>1</credits></getInfo>');
		const { error, items } = await run({
			resource: 'account',
			operation: 'getInfo',
			options: { retries: 1 },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.credits).toBe(1_000_000);
	});
});

describe('the sub-account dropdown', () => {
	test('only "No subaccount found" is an empty list; another status 0 is the refusal it is', async () => {
		await expect(loadOptions(account.credentials, 'getSubAccounts')).resolves.toEqual([]);
		await expect(
			loadOptions({ ...account.credentials, apiKey: 'wrong-key' }, 'getSubAccounts'),
		).rejects.toThrow(/Problème de connexion/);
	});
});

describe("the node's own SMS count", () => {
	// GSM-7 extension characters count two, and so does a line break (the node's rule, the sandbox's too).
	const extension = '€^{}\\[~]|';

	test.each([
		['160 plain characters', 'a'.repeat(160), 1],
		['161 plain characters', 'a'.repeat(161), 2],
		[
			'the nine extension characters and 142 plain ones (160 units)',
			extension + 'a'.repeat(142),
			1,
		],
		[
			'the nine extension characters and 143 plain ones (161 units)',
			extension + 'a'.repeat(143),
			2,
		],
		[
			// 1,223 places: one € falls where a part has one place left and starts the next part.
			'line breaks between the extension characters, 8 parts',
			`${extension}\n`.repeat(10) + 'a'.repeat(153 * 8 - 201),
			8,
		],
	])('%s', async (_label, message, parts) => {
		expect(measureMessage(message, 'gsm7').parts).toBe(parts);
		const { items, error } = await run({
			resource: 'sms',
			operation: 'sendSms',
			phoneNumbers: '0612345678',
			message,
			options: { coding: 'gsm7' },
		});
		expect(error).toBeUndefined();
		// The sandbox counts by itself: both agree.
		expect(items[0].json.nbSms).toBe(parts);
	});

	test('one unit past 8 parts is refused by the node before any request', async () => {
		const message = `${extension}\n`.repeat(10) + 'a'.repeat(153 * 8 - 200 + 1);
		const { error } = await run({
			resource: 'sms',
			operation: 'sendSms',
			phoneNumbers: '0612345678',
			message,
			options: { coding: 'gsm7' },
		});
		expect(error?.message).toMatch(
			/^Invalid "Message" in item 0: \d+ characters make 9 SMS parts in GSM-7/,
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});
});

describe('simulateCampaign over several requests', () => {
	test('the totals of three requests equal those of one', async () => {
		const input = ['0611111111', '0622222222', '0633333333', '+32470123456', '0644444444'].map(
			(phone) => ({ phone }),
		);
		const parameters = (recipientsPerRequest: number) => ({
			resource: 'sms',
			operation: 'simulateCampaign',
			sendMode: 'campaign',
			phoneNumbers: '={{ $json.phone }}',
			message: 'a'.repeat(200),
			options: { recipientsPerRequest },
		});
		const split = await run(parameters(2), input);
		const whole = await run(parameters(5000), input);
		expect(requestsTo(account.sandbox, 'simulateCampaign')).toHaveLength(4);
		expect(split.items).toHaveLength(1);
		const { requests, ...totals } = split.items[0].json;
		expect(requests).toBe(3);
		expect(totals).toEqual(expect.objectContaining({ nbContacts: 5, nbSms: 10 }));
		for (const field of ['nbContacts', 'nbSms', 'nbCredits', 'cost'])
			expect(totals[field]).toBe(whole.items[0].json[field]);
	});
});
