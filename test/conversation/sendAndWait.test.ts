/**
 * SMS → Send and Wait for a Reply, its first half in n8n's engine: what is checked before the
 * question leaves, the question as AllMySMS receives it, and the execution put to wait. The
 * second half (a reply resuming it) runs in a real n8n: test/e2e/conversation.e2e.ts.
 */
import { readWaitMarker } from '../../nodes/AllMySms/shared/conversation/waitingLink';
import { retryChainRun, runAllMySmsChain, runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

const question = {
	resource: 'sms',
	operation: 'sendAndWait',
	phoneNumbers: '={{ $json.phone }}',
	message: 'Votre rendez-vous mardi 10:00 : répondez OUI ou NON',
	options: {},
};

test('the question leaves with a CLIMSGID naming the waiting execution and node, and the execution waits until the limit', async () => {
	const before = Date.now();
	const { run, error } = await runAllMySmsNode({
		credentials: account.credentials,
		input: [{ phone: '0639980001' }],
		parameters: { ...question, limitWaitTime: true, resumeAmount: 2, resumeUnit: 'hours' },
	});
	expect(error).toBeUndefined();
	const [send] = requestsTo(account.sandbox, 'sendSms');
	const flow = JSON.parse(String(send.params.smsData)).DATA;
	expect(flow).toMatchObject({ MESSAGE: question.message, SMS: [{ MOBILEPHONE: '0639980001' }] });
	const marker = readWaitMarker(flow.CLIMSGID);
	expect(marker).toMatchObject({ signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
	expect(marker?.executionId).toMatch(/^[0-9a-f-]{36}$/);
	expect(marker?.deadline?.getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1000);
	expect(run.waitTill?.getTime()).toBe(marker?.deadline?.getTime());
});

test('without a limit it waits indefinitely; transactional by default, so no French hours apply', async () => {
	const { run, error } = await runAllMySmsNode({
		credentials: account.credentials,
		input: [{ phone: '0639980001' }],
		parameters: question,
	});
	expect(error).toBeUndefined();
	expect(run.waitTill?.getFullYear()).toBe(3000);
	expect(
		readWaitMarker(
			JSON.parse(String(requestsTo(account.sandbox, 'sendSms')[0].params.smsData)).DATA.CLIMSGID,
		)?.deadline,
	).toBeUndefined();
});

test.each([
	[
		'two input items',
		[{ phone: '0639980001' }, { phone: '0639980002' }],
		{},
		/asks one question and waits for its answer, and got 2 items/,
	],
	[
		'two numbers',
		[{ phone: '0639980001, 0639980002' }],
		{},
		/Invalid "Phone Number": give one number, not 2/,
	],
	[
		'a limit date already past',
		[{ phone: '0639980001' }],
		{ limitWaitTime: true, limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T10:00:00Z' },
		/Invalid "Max Date and Time": 2020-01-01T10:00:00.000Z is before the SMS leaves/,
	],
	[
		'an interval of 0',
		[{ phone: '0639980001' }],
		{ limitWaitTime: true, resumeAmount: 0 },
		/Invalid "Amount": it must be more than 0/,
	],
])('%s: a clear error, and no SMS leaves', async (_label, input, extra, message) => {
	const { error } = await runAllMySmsNode({
		credentials: account.credentials,
		input,
		parameters: { ...question, ...extra },
	});
	expect(error?.message).toMatch(message);
	expect(requestsTo(account.sandbox, 'sendSms')).toEqual([]);
});

describe("n8n's Retry of an execution whose question may have been sent", () => {
	// The answer is lost after AllMySMS took the question, longer than the node's own retries.
	async function failedAsk() {
		account.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms', times: 2 });
		const failed = await runAllMySmsChain({
			credentials: account.credentials,
			input: [{ phone: '0639980001' }],
			steps: [{ name: 'AllMySMS', parameters: { ...question, options: { retries: 1 } } }],
		});
		expect(failed.error?.message).toMatch(/may have been sent$/);
		const [asked] = account.sandbox.state.campaigns(account.login);
		expect(asked.smsIds).toHaveLength(1);
		return { failed, asked };
	}

	test('the contact already answered: the Retry does not ask again and gives the answer', async () => {
		const { failed, asked } = await failedAsk();
		account.sandbox.state.addReply(asked.smsIds[0], 'Oui !');
		const retried = await retryChainRun(failed);
		expect(retried.error).toBeUndefined();
		expect(retried.items.AllMySMS).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({
					approved: true,
					reply: 'Oui !',
					smsId: asked.smsIds[0],
					campaignId: asked.id,
					timedOut: false,
				}),
			}),
		]);
		expect(retried.run.waitTill).toBeUndefined();
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
	});

	test('no answer yet: the Retry does not ask again, and says where the reply will go', async () => {
		const { failed, asked } = await failedAsk();
		const retried = await retryChainRun(failed);
		expect(retried.error?.message).toBe(
			`This question was already sent by execution ${failed.retry.executionId}, which this Retry repeats, and it has no answer yet`,
		);
		expect(retried.error?.description).toContain(`campaign ${asked.id}`);
		expect(account.sandbox.state.campaigns(account.login)).toHaveLength(1);
	});
});
