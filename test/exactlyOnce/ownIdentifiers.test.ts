/**
 * A Unique Identifier the user types: AllMySMS answers a repeated one with the first send's
 * result, reported as sent. So one shared by several items, or colliding with another item's
 * `-2`, is refused before the first request, and so is one AllMySMS may not take.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount({ credits: 100_000 });
});
afterEach(async () => await account.sandbox.close());

const perItem = (options: INodeParameters): INodeParameters => ({
	resource: 'sms',
	operation: 'sendSms',
	messageCategory: 'transactional',
	phoneNumbers: '={{ $json.phone }}',
	message: '=Your order {{ $json.order }} has shipped',
	options,
});

const orders = [
	{ phone: '0611111111', order: 'A1' },
	{ phone: '0622222222', order: 'B2' },
	{ phone: '0633333333', order: 'C3' },
];

test('the same Unique Identifier on every item: refused before any request, naming the items that share it', async () => {
	const { error, items } = await runAllMySmsNode({
		credentials: account.credentials,
		input: orders,
		parameters: perItem({ uniqueIdentifier: 'promo-dec' }),
	});
	expect(error?.message).toBe(
		'Invalid "Unique Identifier" in item 0: items 0-2 would all be sent as "promo-dec", and AllMySMS answers a repeated identifier with the first send\'s result instead of sending: give each item its own (for example {{ $json.orderId }})',
	);
	expect(items).toEqual([]);
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(0);
});

test('with Continue On Fail, the items sharing one identifier get the error, the others go out', async () => {
	const { error, items } = await runAllMySmsNode({
		credentials: account.credentials,
		input: orders,
		continueOnFail: true,
		parameters: perItem({ uniqueIdentifier: '={{ $json.order === "C3" ? "C3" : "shared" }}' }),
	});
	expect(error).toBeUndefined();
	expect(
		items.map((item) => [item.json.error ? 'error' : item.json.status, item.pairedItem]),
	).toEqual([
		['error', { item: 0 }],
		['error', { item: 1 }],
		[100, { item: 2 }],
	]);
	expect(String(items[0].json.error)).toContain('items 0-1 would all be sent as "shared"');
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(1);
});

test("a split send's -2 is not another item's identifier", async () => {
	const { error } = await runAllMySmsNode({
		credentials: account.credentials,
		input: [
			{ phone: '0611111111, 0611111112', order: 'batch' },
			{ phone: '0622222222', order: 'batch-2' },
		],
		parameters: perItem({ uniqueIdentifier: '={{ $json.order }}', recipientsPerRequest: 1 }),
	});
	expect(error?.message).toMatch(
		/^Invalid "Unique Identifier" in item 0: items 0-1 would all be sent as "batch-2"/,
	);
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(0);
});

test('an identifier AllMySMS may not take (spaces, too long) is refused before any request', async () => {
	const { error } = await runAllMySmsNode({
		credentials: account.credentials,
		input: orders.slice(0, 1),
		parameters: perItem({ uniqueIdentifier: 'order A1 of today' }),
	});
	expect(error?.message).toBe(
		'Invalid "Unique Identifier" in item 0: "order A1 of today" cannot identify a send: use 1 to 64 letters, digits and . _ : - (no spaces)',
	);
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(0);
});

test('each item its own identifier: every item sent', async () => {
	const { error, items } = await runAllMySmsNode({
		credentials: account.credentials,
		input: orders,
		parameters: perItem({ uniqueIdentifier: '={{ "order-" + $json.order }}' }),
	});
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json.status)).toEqual([100, 100, 100]);
});
