import type { IExecuteFunctions } from 'n8n-workflow';

import * as clock from '../../nodes/AllMySms/shared/clock';
import { Identifiers } from '../../nodes/AllMySms/shared/idempotency';
import { retryChainRun, runAllMySmsChain, runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { numbers } from './faultTable';

let account: TestAccount;
/** How far the sandbox's clock is ahead of the real one. */
let aheadMs = 0;
/** Past AllMySMS's 10-second guard against identical requests (121). */
const laterThan10Seconds = () => {
	aheadMs += 11_000;
};

beforeEach(async () => {
	aheadMs = 0;
	account = await sandboxWithAccount({
		credits: 10_000_000,
		now: () => new Date(Date.now() + aheadMs),
	});
});

afterEach(async () => {
	await account.sandbox.close();
});

const smsCount = () =>
	account.sandbox.state
		.campaigns(account.login)
		.reduce((total, campaign) => total + campaign.smsIds.length, 0);
const identifierOf = (request: { smsData?: { data: unknown } }) =>
	(request.smsData?.data as { DATA: { UNIQUEIDENTIFIER?: string } }).DATA.UNIQUEIDENTIFIER;

const campaign = (options: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'sendSms',
	sendMode: 'campaign',
	phoneNumbers: '={{ $json.phone }}',
	message: 'Votre colis arrive demain',
	options: { retries: 1, ...options },
});

describe("n8n's Retry of a failed execution", () => {
	test('a retried execution of a 500-recipient send produces 500 SMS, not 1,000, and gives back the real smsIds', async () => {
		const phones = numbers(500);
		// The answer is lost after the work, longer than the node's own retries: the execution fails.
		account.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms', times: 2 });
		const failed = await runAllMySmsChain({
			credentials: account.credentials,
			input: phones.map((phone) => ({ phone })),
			steps: [{ name: 'AllMySMS', parameters: campaign() }],
		});
		expect(failed.error?.message).toMatch(/may have been sent$/);
		expect(smsCount()).toBe(500);
		// What n8n keeps for the Retry: the execution the identifiers belong to.
		expect(failed.run.data.resultData.metadata).toEqual({
			allmysms_execution: expect.stringMatching(new RegExp(`^${failed.retry.executionId}@\\d+$`)),
		});

		const retried = await retryChainRun(failed);
		expect(retried.error).toBeUndefined();
		expect(retried.run.mode).toBe('retry');
		expect(smsCount()).toBe(500);
		const [sent] = account.sandbox.state.campaigns(account.login);
		expect(retried.items.AllMySMS).toHaveLength(500);
		expect(retried.items.AllMySMS.map((item) => item.json.smsId)).toEqual(sent.smsIds);
		expect(retried.items.AllMySMS[0].json.treatmentStatus).toBe('ALREADY_PROCESSED');
		const identifiers = requestsTo(account.sandbox, 'sendSms').map(identifierOf);
		expect(new Set(identifiers).size).toBe(1);
	});

	test('a Retry more than 24 hours after the first send is refused: AllMySMS has forgotten the identifiers, nothing is sent again', async () => {
		account.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms', times: 2 });
		const failed = await runAllMySmsChain({
			credentials: account.credentials,
			input: numbers(3).map((phone) => ({ phone })),
			steps: [{ name: 'AllMySMS', parameters: campaign() }],
		});
		expect(smsCount()).toBe(3);
		const nodeNow = clock.now();
		jest.spyOn(clock, 'now').mockImplementation(() => new Date(nodeNow.getTime() + 25 * 3600_000));
		aheadMs += 25 * 3600_000;

		const retried = await retryChainRun(failed);
		expect(retried.error?.message).toBe(
			'This Retry comes more than 24 hours after the first send: nothing was sent',
		);
		expect(retried.error?.description).toMatch(
			/25 hours ago\. AllMySMS keeps unique identifiers for 24 hours/,
		);
		expect(smsCount()).toBe(3);
		expect(requestsTo(account.sandbox, 'sendSms')).toHaveLength(2);
	});

	test('a Retry sends what the failed execution had not sent: later items of a per-item send', async () => {
		account.sandbox.injectFault({
			mode: 'resetAfterWork',
			apiMethod: 'sendSms',
			skip: 1,
			times: 2,
		});
		const failed = await runAllMySmsChain({
			credentials: account.credentials,
			input: numbers(3).map((phone) => ({ phone })),
			steps: [{ name: 'AllMySMS', parameters: { ...campaign(), sendMode: 'perItem' } }],
		});
		expect(failed.error?.description).toContain('Not sent, since the node stopped here: item 2.');
		expect(smsCount()).toBe(2);
		const retried = await retryChainRun(failed);
		expect(retried.error).toBeUndefined();
		expect(smsCount()).toBe(3);
		expect(retried.items.AllMySMS.map((item) => item.json.treatmentStatus)).toEqual([
			'ALREADY_PROCESSED',
			'ALREADY_PROCESSED',
			undefined,
		]);
	});
});

describe('new executions, Skip Identical Sends', () => {
	test('each execution is a new send by default; with Skip Identical Sends the same send returns the first result', async () => {
		const input = numbers(3).map((phone) => ({ phone }));
		await runAllMySmsNode({ credentials: account.credentials, input, parameters: campaign() });
		laterThan10Seconds();
		await runAllMySmsNode({ credentials: account.credentials, input, parameters: campaign() });
		expect(smsCount()).toBe(6);
		laterThan10Seconds();

		const first = await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters: campaign({ skipIdenticalSends: true }),
		});
		// Not the same node (the helper gives each run a new node id): the node's id is part of "identical".
		expect(first.error).toBeUndefined();
		expect(smsCount()).toBe(9);
	});

	test('with Skip Identical Sends, the same node sending the same thing in a later execution sends nothing', async () => {
		const input = numbers(3).map((phone) => ({ phone }));
		const steps = [{ name: 'AllMySMS', parameters: campaign({ skipIdenticalSends: true }) }];
		const first = await runAllMySmsChain({ credentials: account.credentials, input, steps });
		// A later execution of the same workflow: same workflow id and node id, another execution id.
		const again = await retryChainRunAsNewExecution(first);
		expect(again.error).toBeUndefined();
		expect(smsCount()).toBe(3);
		expect(again.items.AllMySMS.map((item) => item.json.treatmentStatus)).toEqual([
			'ALREADY_PROCESSED',
			'ALREADY_PROCESSED',
			'ALREADY_PROCESSED',
		]);
		// Another text is another send.
		const other = await runAllMySmsChain({
			credentials: account.credentials,
			input,
			steps: [{ name: 'AllMySMS', parameters: { ...steps[0].parameters, message: 'Autre texte' } }],
		});
		expect(other.error).toBeUndefined();
		expect(smsCount()).toBe(6);
	});
});

describe('split campaigns', () => {
	test('a split campaign with a Unique Identifier: each request once, with -2, -3, none taken for a replay of the first', async () => {
		const input = numbers(5).map((phone) => ({ phone }));
		const parameters = campaign({ uniqueIdentifier: 'order-42', recipientsPerRequest: 2 });
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters,
		});
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'sendSms').map(identifierOf)).toEqual([
			'order-42',
			'order-42-2',
			'order-42-3',
		]);
		const campaigns = account.sandbox.state.campaigns(account.login);
		expect(campaigns).toHaveLength(3);
		expect(smsCount()).toBe(5);
		expect(items.map((item) => item.json.treatmentStatus)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		expect(new Set(items.map((item) => item.json.smsId)).size).toBe(5);

		// Run again: every request is a replay of its own, not of the first.
		const again = await runAllMySmsNode({ credentials: account.credentials, input, parameters });
		expect(smsCount()).toBe(5);
		expect(again.items.map((item) => item.json.smsId)).toEqual(
			items.map((item) => item.json.smsId),
		);
		expect(again.items.map((item) => item.json.campaignId)).toEqual(
			items.map((item) => item.json.campaignId),
		);
	});

	test('derived identifiers of a split campaign also go -2, -3', async () => {
		const input = numbers(3).map((phone) => ({ phone }));
		await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters: campaign({ recipientsPerRequest: 1 }),
		});
		const [first, second, third] = requestsTo(account.sandbox, 'sendSms').map(identifierOf);
		expect(first).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect([second, third]).toEqual([`${first}-2`, `${first}-3`]);
	});

	test('Loop Over Items around a campaign: the same node, run three times in one execution, sends each batch once under its own identifier', async () => {
		const phones = numbers(12);
		const looped = await runAllMySmsChain({
			credentials: account.credentials,
			input: phones.map((phone) => ({ phone })),
			steps: [{ name: 'AllMySMS', parameters: campaign() }],
			loopBatchSize: 4,
		});
		expect(looped.error).toBeUndefined();
		expect(looped.run.data.resultData.runData.AllMySMS).toHaveLength(3);
		const identifiers = requestsTo(account.sandbox, 'sendSms').map(identifierOf);
		expect(identifiers).toHaveLength(3);
		expect(new Set(identifiers).size).toBe(3);
		const sent = account.sandbox.state
			.campaigns(account.login)
			.flatMap((sms) =>
				account.sandbox.state.smsOfCampaign(sms).map((record) => record.phoneNumber),
			);
		expect(sent.sort()).toEqual(phones.map((phone) => `33${phone.slice(1)}`).sort());
	});
});

describe('the node waits while AllMySMS is still processing (160)', () => {
	test('a send slower than the Timeout: asked again, 160 while the first is processed, then its result; one campaign', async () => {
		account.sandbox.injectFault({ mode: 'slow', apiMethod: 'sendSms', delayMs: 2500 });
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: numbers(2).map((phone) => ({ phone })),
			parameters: campaign({ timeout: 1 }),
		});
		expect(error).toBeUndefined();
		expect(smsCount()).toBe(2);
		expect(items.map((item) => item.json.status)).toEqual([100, 100]);
		expect(requestsTo(account.sandbox, 'sendSms').length).toBeGreaterThanOrEqual(3);
	});
});

/** The same workflow run again later: a new execution (new id, mode manual), same workflow and node ids. */
async function retryChainRunAsNewExecution(previous: Awaited<ReturnType<typeof runAllMySmsChain>>) {
	const { workflow, workflowData, credentials, steps } = previous.retry;
	const { randomUUID } = await import('node:crypto');
	const { ExecutionLifecycleHooks, WorkflowExecute } = await import('n8n-core');
	const { testAdditionalData } = await import('../helpers/n8n');
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const finished = new Promise<import('n8n-workflow').IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const source = workflow.getNode('Items');
	if (!source) throw new Error('no source node');
	await new WorkflowExecute(testAdditionalData(credentials, { hooks, executionId }), 'manual').run({
		workflow,
		startNode: source,
	});
	const run = await finished;
	const runs = run.data.resultData.runData[steps[0].name] ?? [];
	return {
		items: { AllMySMS: runs[runs.length - 1]?.data?.main?.[0] ?? [] },
		error: run.data.resultData.error,
	};
}

describe('what an identifier is made of', () => {
	/** Only what the identifiers read of n8n's context. */
	const contextOf = (overrides: Record<string, unknown> = {}) =>
		({
			getNode: () => ({ id: 'node-1', name: 'AllMySMS', parameters: {} }),
			getWorkflow: () => ({ id: 'workflow-1' }),
			getInstanceId: () => 'instance-a',
			getExecutionId: () => '1',
			customData: { get: () => undefined, set: () => undefined },
			getWorkflowDataProxy: () => ({ $runIndex: 0 }),
			getMode: () => 'manual',
			isToolExecution: () => false,
			getInputData: () => [{ json: {} }],
			...overrides,
		}) as unknown as IExecuteFunctions;

	test('two n8n instances sharing an account, the same workflow imported in both, both at execution 1: different identifiers', () => {
		const first = new Identifiers(contextOf(), 'sendSms', false).of('item 0', () => '');
		const second = new Identifiers(
			contextOf({ getInstanceId: () => 'instance-b' }),
			'sendSms',
			false,
		).of('item 0', () => '');
		expect(first).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect(second).not.toBe(first);
	});

	test('a run index n8n does not give is never taken for 0: nothing is sent, and the error says what to do', () => {
		const context = contextOf({
			getWorkflowDataProxy: () => {
				throw new Error('no data proxy here');
			},
		});
		expect(() => new Identifiers(context, 'sendSms', false)).toThrow(
			'Could not tell this run of the node from another one: nothing was sent',
		);
	});
});

describe('sub-workflows', () => {
	const subWorkflowSend = (options: Record<string, unknown> = {}) => ({
		...campaign(options),
		sendMode: 'perItem',
	});
	const hintsOf = (run: Awaited<ReturnType<typeof runAllMySmsChain>>) =>
		(run.run.data.resultData.runData.AllMySMS?.[0]?.hints ?? []).map((hint) => hint.message);

	test("a send in a sub-execution says that the parent's Retry would send it again, and how to prevent it", async () => {
		const sub = await runAllMySmsChain({
			credentials: account.credentials,
			input: [{ phone: numbers(1)[0] }],
			steps: [{ name: 'AllMySMS', parameters: subWorkflowSend() }],
			parentExecutionId: 'parent-42',
		});
		expect(sub.error).toBeUndefined();
		expect(hintsOf(sub)).toEqual([
			expect.stringMatching(
				/^This send runs in a sub-workflow\. n8n's Retry of the parent execution starts a new sub-execution.*set a Unique Identifier from your data/,
			),
		]);
	});

	test('no such hint with a Unique Identifier from the data, nor outside a sub-workflow', async () => {
		const own = await runAllMySmsChain({
			credentials: account.credentials,
			input: [{ phone: numbers(1)[0] }],
			steps: [
				{
					name: 'AllMySMS',
					parameters: subWorkflowSend({ uniqueIdentifier: '={{ "order-" + $json.phone }}' }),
				},
			],
			parentExecutionId: 'parent-42',
		});
		expect(hintsOf(own)).toEqual([]);
		laterThan10Seconds();
		const top = await runAllMySmsChain({
			credentials: account.credentials,
			input: [{ phone: numbers(1)[0] }],
			steps: [{ name: 'AllMySMS', parameters: subWorkflowSend() }],
		});
		expect(hintsOf(top)).toEqual([]);
	});
});
