/**
 * The commercial hours are judged when each request leaves, not only when the node starts: a
 * per-item send started at 19:59:59 on a Saturday must not go on sending commercial SMS to
 * French numbers after 20:00 (seen against a slow AllMySMS: six SMS at 19:59:56 … 20:00:11).
 */
import type { INodeParameters } from 'n8n-workflow';

import * as clock from '../../nodes/AllMySms/shared/clock';
import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { paris } from './fixedClock';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
	// The node's clock: Saturday 19:59:59 in Paris until the first SMS has reached AllMySMS,
	// then 20:00:01, as if that request had taken two seconds.
	jest
		.spyOn(clock, 'now')
		.mockImplementation(() =>
			requestsTo(account.sandbox, 'sendSms').length === 0
				? paris('2027-03-06T19:59:59')
				: paris('2027-03-06T20:00:01'),
		);
});
afterEach(async () => {
	jest.restoreAllMocks();
	await account.sandbox.close();
});

const perItem = (parameters: INodeParameters): INodeParameters => ({
	resource: 'sms',
	operation: 'sendSms',
	phoneNumbers: '={{ $json.phone }}',
	message: 'Spring sale: 20% off today',
	...parameters,
});
const input = [{ phone: '0611111111' }, { phone: '0622222222' }, { phone: '0633333333' }];
const dateOf = (index: number) =>
	(requestsTo(account.sandbox, 'sendSms')[index].smsData?.data as { DATA: { DATE?: string } }).DATA
		.DATE;

test('Refuse: the first item goes at 19:59:59; the items whose request would leave after 20:00 are not sent, and the error says so', async () => {
	const { error, items } = await runAllMySmsNode({
		credentials: account.credentials,
		input,
		continueOnFail: true,
		parameters: perItem({ outsideAllowedHours: 'refuse' }),
	});
	expect(error).toBeUndefined();
	expect(items[0].json.status).toBe(100);
	expect(items.slice(1).map((item) => [item.json.outcome, item.pairedItem])).toEqual([
		['not sent', { item: 1 }],
		['not sent', { item: 2 }],
	]);
	expect(String(items[1].json.error)).toBe(
		'Invalid "Outside Allowed Hours" in item 1: not sent: by the time its request left (Saturday 6 March 2027 at 20:00, Paris time) commercial messages to French numbers were no longer allowed; the next allowed time is Monday 8 March 2027 at 08:00, Paris time',
	);
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(1);
	expect(dateOf(0)).toBeUndefined();
});

test('Schedule: the items whose request leaves after 20:00 go out scheduled for Monday 08:00', async () => {
	const { error, items } = await runAllMySmsNode({
		credentials: account.credentials,
		input,
		parameters: perItem({ outsideAllowedHours: 'schedule' }),
	});
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json.status)).toEqual([100, 101, 101]);
	expect([dateOf(0), dateOf(1), dateOf(2)]).toEqual([
		undefined,
		'2027-03-08 08:00:00',
		'2027-03-08 08:00:00',
	]);
});

test('a campaign split in requests: the requests that leave after 20:00 are scheduled, not sent at night', async () => {
	const { error } = await runAllMySmsNode({
		credentials: account.credentials,
		input,
		parameters: perItem({
			sendMode: 'campaign',
			outsideAllowedHours: 'schedule',
			options: { recipientsPerRequest: 1 },
		}),
	});
	expect(error).toBeUndefined();
	expect([dateOf(0), dateOf(1), dateOf(2)]).toEqual([
		undefined,
		'2027-03-08 08:00:00',
		'2027-03-08 08:00:00',
	]);
});

test('transactional messages are not held back at 20:00', async () => {
	const { error } = await runAllMySmsNode({
		credentials: account.credentials,
		input,
		parameters: perItem({ messageCategory: 'transactional' }),
	});
	expect(error).toBeUndefined();
	expect([dateOf(0), dateOf(1), dateOf(2)]).toEqual([undefined, undefined, undefined]);
});
