import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { useParisClock } from './fixedClock';

/**
 * The commercial-hours guard and the STOP mention, through n8n's engine against the sandbox,
 * with the clock fixed in Paris time while the process runs under another zone and the
 * workflow under a third one.
 */

const clock = useParisClock();
let account: TestAccount;
const realTz = process.env.TZ;

beforeAll(() => {
	process.env.TZ = 'Asia/Tokyo';
});
afterAll(() => {
	process.env.TZ = realTz;
});
beforeEach(async () => {
	account = await sandboxWithAccount();
});
afterEach(async () => {
	await account.sandbox.close();
});

const commercial = (extra: IDataObject = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'sendSms',
	phoneNumbers: '0612345678',
	message: 'Spring sale: 20% off today',
	...extra,
});

async function send(
	parameters: INodeParameters,
	options: { input?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runAllMySmsNode({
		credentials: account.credentials,
		parameters,
		input: options.input,
		continueOnFail: options.continueOnFail,
		timezone: 'America/New_York',
	});
}

/** The DATE of the one sendSms request, or undefined when it has none. */
function sentDate(): string | undefined {
	const sends = requestsTo(account.sandbox, 'sendSms');
	expect(sends).toHaveLength(1);
	return (sends[0].smsData?.data as { DATA: { DATE?: string } }).DATA.DATE;
}

describe('commercial hours, scheduled for the next allowed time', () => {
	test.each([
		['Saturday 19:59 is allowed: sent now', '2027-03-06T19:59', undefined],
		['Saturday 20:00 → Monday 08:00', '2027-03-06T20:00', '2027-03-08 08:00:00'],
		['Sunday → Monday 08:00', '2027-03-07T11:00', '2027-03-08 08:00:00'],
		['Monday 07:59 → the same day 08:00', '2027-03-08T07:59', '2027-03-08 08:00:00'],
		['14 July → 15 July 08:00', '2027-07-14T10:00', '2027-07-15 08:00:00'],
		['Easter Monday (2027-03-29) → Tuesday 08:00', '2027-03-29T10:00', '2027-03-30 08:00:00'],
		['23:30 on 31 December → 2 January 08:00', '2026-12-31T23:30', '2027-01-02 08:00:00'],
	])('%s', async (_name, now, expected) => {
		clock.setNow(now);
		const { error, items, run } = await send(commercial({ outsideAllowedHours: 'schedule' }));
		expect(error).toBeUndefined();
		expect(sentDate()).toBe(expected);
		if (expected) {
			expect(items[0].json.status).toBe(101);
			const hints = run.data.resultData.runData.AllMySMS[0].hints ?? [];
			expect(hints.map((hint) => hint.message)).toEqual([
				// Counted from 1, as n8n's output panel numbers items.
				expect.stringContaining('scheduled for the next allowed time: item 1 for'),
			]);
		}
	});

	test('a Send At on a Sunday is moved to Monday 08:00 (read in the workflow time zone)', async () => {
		// 2027-03-06 20:30 in New York is Sunday 7 March 02:30 in Paris.
		const { error } = await send(
			commercial({ outsideAllowedHours: 'schedule', options: { sendAt: '2027-03-06T20:30:00' } }),
		);
		expect(error).toBeUndefined();
		expect(sentDate()).toBe('2027-03-08 08:00:00');
	});

	test('a Send At at an allowed time is kept', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(commercial({ options: { sendAt: '2027-03-08T04:00:00' } }));
		expect(error).toBeUndefined();
		expect(sentDate()).toBe('2027-03-08 10:00:00');
	});
});

describe('commercial hours, refused', () => {
	test('Sunday, Refuse (the default): an error naming the item and the next allowed time, no request at all', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(commercial());
		expect(error?.message).toBe(
			'Invalid "Outside Allowed Hours" in item 0: a commercial message to French numbers may not be sent at this time; the next allowed time is Monday 8 March 2027 at 08:00, Paris time',
		);
		expect(error?.description).toContain('may not be sent on Sundays');
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('a Send At on a public holiday is refused, naming the Send At field', async () => {
		const { error } = await send(commercial({ options: { sendAt: '2027-07-14T10:00:00+02:00' } }));
		expect(error?.message).toMatch(
			/^Invalid "Send At" in item 0: .* the next allowed time is Thursday 15 July 2027 at 08:00, Paris time$/,
		);
		expect(error?.description).toContain('Bastille Day');
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('per item: one refused item stops the node before any item is sent', async () => {
		const { error } = await send(
			commercial({ phoneNumbers: '={{ $json.phone }}', options: { sendAt: '={{ $json.at }}' } }),
			{
				input: [
					{ phone: '0611111111', at: '' },
					{ phone: '0622222222', at: '2027-03-07T10:00:00+01:00' },
				],
			},
		);
		expect(error?.message).toMatch(/^Invalid "Send At" in item 1:/);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('per item with Continue On Fail: the refused item is an error, the others go out', async () => {
		clock.setNow('2027-03-07T11:00');
		const { items } = await send(commercial({ phoneNumbers: '={{ $json.phone }}' }), {
			input: [{ phone: '0611111111' }, { phone: '+32470123456' }],
			continueOnFail: true,
		});
		expect(items[0].json.error).toMatch(/^Invalid "Outside Allowed Hours" in item 0/);
		expect(items[1].json).toEqual(expect.objectContaining({ status: 100 }));
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(1);
	});

	test('a campaign with one French recipient among others is refused as a whole, naming its first item', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(
			commercial({ sendMode: 'campaign', phoneNumbers: '={{ $json.phone }}' }),
			{
				input: [{ phone: '+32470123456' }, { phone: '+41791234567' }, { phone: '0612345678' }],
			},
		);
		expect(error?.message).toMatch(
			/^Invalid "Outside Allowed Hours" in item 0: the campaign of 3 items is refused as a whole: /,
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});
});

describe('what the rule leaves alone', () => {
	test('transactional messages are always allowed (Sunday 03:00)', async () => {
		clock.setNow('2027-03-07T03:00');
		const { error } = await send(
			commercial({ messageCategory: 'transactional', message: 'Your code is 1234' }),
		);
		expect(error).toBeUndefined();
		expect(sentDate()).toBeUndefined();
	});

	test('other countries are not touched (Sunday, a Belgian number)', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(commercial({ phoneNumbers: '+32470123456' }));
		expect(error).toBeUndefined();
		expect(sentDate()).toBeUndefined();
	});

	test('overseas French numbers are French (Réunion, +262 692…)', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(commercial({ phoneNumbers: '+262692123456' }));
		expect(error?.message).toMatch(/^Invalid "Outside Allowed Hours" in item 0/);
	});
});

describe('the simulation shows what the send would do, and sends nothing', () => {
	const simulate = (extra: IDataObject = {}): INodeParameters => ({
		...commercial(extra),
		operation: 'simulateCampaign',
	});

	test('Sunday, Refuse: the preview says refused and when it could go; the simulation itself runs', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error, items } = await send(simulate({ options: { sender: 'MyShop' } }));
		expect(error).toBeUndefined();
		expect(items[0].json.preview).toEqual(
			expect.objectContaining({
				message: 'Spring sale: 20% off today STOP au 36180',
				commercialHours:
					'would be refused (Outside Allowed Hours: Refuse); the next allowed time is Monday 8 March 2027 at 08:00, Paris time',
			}),
		);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(0);
	});

	test('Sunday, Schedule: the preview gives the date', async () => {
		clock.setNow('2027-03-07T11:00');
		const { items } = await send(simulate({ outsideAllowedHours: 'schedule' }));
		expect(items[0].json.preview).toEqual(
			expect.objectContaining({
				commercialHours: expect.stringMatching(
					/^would be scheduled for Monday 8 March 2027 at 08:00, Paris time/,
				),
			}),
		);
	});

	test('transactional, or no French number: nothing said', async () => {
		clock.setNow('2027-03-07T11:00');
		const { items } = await send(simulate({ messageCategory: 'transactional' }));
		expect(items[0].json.preview).not.toHaveProperty('commercialHours');
	});
});

describe('"STOP au 36180"', () => {
	const messageSent = () =>
		(requestsTo(account.sandbox, 'sendSms')[0].smsData?.data as { DATA: { MESSAGE: string } }).DATA
			.MESSAGE;

	test('added to a commercial message with a Sender Name to France, and the sender is used', async () => {
		const { error } = await send(commercial({ options: { sender: 'MyShop' } }));
		expect(error).toBeUndefined();
		expect(messageSent()).toBe('Spring sale: 20% off today STOP au 36180');
		expect(account.sandbox.state.campaigns(account.login)[0].tpoaUsed).toBe('MyShop');
	});

	test('counted in the parts: 146 characters + the mention fit in one SMS, 147 make 2', async () => {
		const { items } = await send(
			{
				...commercial({
					phoneNumbers: '={{ $json.phone }}',
					message: '={{ "x".repeat($json.length) }}',
					options: { sender: 'MyShop' },
				}),
				operation: 'simulateCampaign',
			},
			{
				input: [
					{ phone: '0611111111', length: 146 },
					{ phone: '0622222222', length: 147 },
				],
			},
		);
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				nbSms: 1,
				preview: expect.objectContaining({ characters: 160, segments: 1 }),
			}),
			expect.objectContaining({
				nbSms: 2,
				preview: expect.objectContaining({ characters: 161, segments: 2 }),
			}),
		]);
	});

	test('left alone when already there, whatever its case', async () => {
		await send(commercial({ message: 'Sale today stop au 36180', options: { sender: 'MyShop' } }));
		expect(messageSent()).toBe('Sale today stop au 36180');
	});

	test('off: the message is unchanged and a warning says why the sender will not be used', async () => {
		const { run } = await send(
			commercial({ options: { sender: 'MyShop', addStopMention: false } }),
		);
		expect(messageSent()).toBe('Spring sale: 20% off today');
		const hints = run.data.resultData.runData.AllMySMS[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([
			expect.stringContaining('does not end with "STOP au 36180"'),
		]);
	});

	test.each([
		['transactional', { messageCategory: 'transactional', options: { sender: 'MyShop' } }],
		['no Sender Name', {}],
		['no French number', { phoneNumbers: '+32470123456', options: { sender: 'MyShop' } }],
	])('not added: %s', async (_name, extra) => {
		await send(commercial(extra));
		expect(messageSent()).toBe('Spring sale: 20% off today');
	});
});

describe('voice', () => {
	const voice = (extra: IDataObject = {}): INodeParameters => ({
		resource: 'voice',
		operation: 'sendVocal',
		phoneNumbers: '0612345678',
		audioUrl: 'https://example.com/message.mp3',
		sender: '0123456789',
		...extra,
	});

	test('Sunday: a commercial voice message is refused, no request', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(voice());
		expect(error?.message).toMatch(
			/^Invalid "Outside Allowed Hours" in item 0: .*Monday 8 March 2027 at 08:00/,
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('Sunday, Schedule: the voice message goes out on Monday 08:00; the Message Type option is untouched', async () => {
		clock.setNow('2027-03-07T11:00');
		const { error } = await send(
			voice({ outsideAllowedHours: 'schedule', options: { messageType: 'call' } }),
		);
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'sendVocal');
		expect(request.form.type).toBe('call');
		expect(JSON.stringify(request.form)).toContain('2027-03-08 08:00:00');
	});
});

describe('examples/nightly-promo-campaign.json', () => {
	test('started on Saturday at 21:00, its campaign goes out on Monday at 08:00 with "STOP au 36180"', async () => {
		const file = join(__dirname, '../../examples/nightly-promo-campaign.json');
		const example = JSON.parse(readFileSync(file, 'utf8')) as {
			nodes: Array<{ name: string; parameters: IDataObject }>;
		};
		const node = (name: string) =>
			example.nodes.find((candidate) => candidate.name === name)?.parameters as IDataObject;
		const { contacts } = JSON.parse(String(node('Contacts').jsonOutput)) as {
			contacts: IDataObject[];
		};
		clock.setNow('2027-03-06T21:00');
		const { error, items } = await send(node('Send Promo') as INodeParameters, { input: contacts });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(sentDate()).toBe('2027-03-08 08:00:00');
		const [campaign] = account.sandbox.state.campaigns(account.login);
		expect(campaign).toEqual(
			expect.objectContaining({ name: 'Nightly promo', status: 'programmed', tpoaUsed: 'MyShop' }),
		);
		expect(account.sandbox.state.sms(campaign.smsIds[0])?.message).toBe(
			'Hi Camille, today only: 15% off online with the code NIGHT-CAM. STOP au 36180',
		);
	});
});
