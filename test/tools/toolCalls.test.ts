/**
 * What a model sees when it calls the AllMySMS tool (MCP Server Trigger, AI Agent 1.x/2.x):
 * one SMS per call, bad input an error naming the argument, AllMySMS's refusals errors, and
 * n8n's retry of a failed tool call never a second send.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { allMySmsTool, fromAi } from '../helpers/tool';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});
afterEach(async () => await account.sandbox.close());

const sendSmsTool = (options: INodeParameters = {}, retryOnFail?: { maxTries: number }) =>
	allMySmsTool({
		credentials: account.credentials,
		retryOnFail,
		parameters: {
			resource: 'sms',
			operation: 'sendSms',
			messageCategory: 'transactional',
			phoneNumbers: fromAi(
				'phoneNumbers',
				'Mobile number in international format, e.g. +33612345678',
			),
			message: fromAi('message', 'The text of the SMS'),
			options,
		},
	});

const smsInSandbox = () => {
	const { state } = account.sandbox;
	return state.campaigns(account.login).flatMap((campaign) => state.smsOfCampaign(campaign));
};

test('a call sends one SMS with the arguments and hands the model its smsId', async () => {
	const result = JSON.parse(
		await sendSmsTool().call({ phoneNumbers: '+33612345678', message: 'Your table is ready' }),
	) as IDataObject[];
	const sent = smsInSandbox();
	expect(sent.map((sms) => [sms.phoneNumber, sms.message])).toEqual([
		['33612345678', 'Your table is ready'],
	]);
	expect(result).toHaveLength(1);
	expect(result[0].smsIds).toEqual([{ phoneNumber: '33612345678', smsId: sent[0].smsId }]);
	// The account's money is none of the model's business.
	for (const field of ['credits', 'balance', 'cost', 'creditsUsed'])
		expect(result[0]).not.toHaveProperty(field);
});

test('two calls with other arguments are two sends', async () => {
	const tool = sendSmsTool();
	await tool.call({ phoneNumbers: '+33612345678', message: 'First' });
	await tool.call({ phoneNumbers: '+33612345678', message: 'Second' });
	expect(smsInSandbox().map((sms) => sms.message)).toEqual(['First', 'Second']);
});

test('a bad number is an error naming the field and the argument, and nothing is sent', async () => {
	await expect(sendSmsTool().call({ phoneNumbers: 'hello', message: 'Hi' })).rejects.toThrow(
		/^Invalid "Phone Numbers" \(the phoneNumbers argument\): "hello" is not a phone number/,
	);
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(0);
});

test("an error never says 'item 0' to a model", async () => {
	const failure = await sendSmsTool()
		.call({ phoneNumbers: '+33612345678', message: '' })
		.catch((error: Error) => error);
	expect(String((failure as Error).message)).toMatch(/^Invalid "Message" \(the message argument\)/);
	expect(String((failure as Error).message)).not.toMatch(/item 0/);
});

test("AllMySMS's refusal is an error for the model, not a result", async () => {
	account.sandbox.state.account(account.login)!.credits = 0;
	const failure = (await sendSmsTool()
		.call({ phoneNumbers: '+33612345678', message: 'No credits left' })
		.catch((error: Error) => error)) as Error;
	// One SMS is one request: AllMySMS itself refuses it whole.
	expect(failure.message).toMatch(/^AllMySMS: .* \(status 104\)/);
	expect(failure.message).toMatch(/Not sent: AllMySMS refused this request\./);
	expect(smsInSandbox()).toHaveLength(0);
});

test("n8n's retry of a failed tool call returns the first send's result instead of sending again", async () => {
	// The answer is lost after AllMySMS did the work, the node does not retry by itself, n8n does.
	account.sandbox.injectFault({ mode: 'resetAfterWork', apiMethod: 'sendSms', times: 1 });
	const tool = sendSmsTool({ retries: 0 }, { maxTries: 2 });
	const result = JSON.parse(
		await tool.call({ phoneNumbers: '+33612345678', message: 'Your code is 4821' }),
	) as IDataObject[];
	const sent = smsInSandbox();
	expect(sent).toHaveLength(1);
	expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(2);
	expect(result[0].smsIds).toEqual([{ phoneNumber: '33612345678', smsId: sent[0].smsId }]);
});
