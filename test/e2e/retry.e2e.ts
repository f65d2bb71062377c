/**
 * Phase "retry": n8n's own Retry of a failed execution (the Executions list's "Retry", here
 * `POST /rest/executions/:id/retry`), in a real n8n. A 500-recipient send whose answer is lost
 * after the work, longer than the node's own retries, fails the execution; its Retry must give
 * back the 500 SMS already sent (the identifiers derive from the execution id kept in the
 * execution's custom data), not send 500 more.
 */
import { randomUUID } from 'node:crypto';

import type { N8nInstance, WorkflowFile } from '../../scripts/lib/n8n';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { SANDBOX_CREDENTIAL, webhookNode } from '../../scripts/lib/workflows';
import type { Sandbox } from '../../sandbox';
import {
	demoSandbox,
	executionsOf,
	newInstance,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';

const RECIPIENTS = Array.from(
	{ length: 500 },
	(_, index) => `06${String(20_000_000 + index)}`,
).join(',');

const retryWorkflow: WorkflowFile & { id: string } = {
	id: 'e2eRetrySend',
	name: 'E2E · retry a failed send',
	nodes: [
		webhookNode('e2e-retry-send'),
		{
			id: randomUUID(),
			name: 'Send',
			type: 'n8n-nodes-allmysms.allMySms',
			typeVersion: 1,
			position: [220, 0],
			// An appointment reminder: transactional, so the test does not depend on the hour it runs at.
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				messageCategory: 'transactional',
				phoneNumbers: RECIPIENTS,
				message: 'Your appointment is confirmed',
				options: { retries: 1 },
			},
			credentials: { allMySmsApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
		},
	],
	connections: { Webhook: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
};

let sandbox: Sandbox;
let instance: N8nInstance;
let running: RunningMain;

beforeAll(async () => {
	sandbox = await demoSandbox();
	instance = await newInstance(N8N_LATEST, 'retry');
	await instance.importCredentials([sandboxCredentialFor(sandbox)]);
	await instance.importWorkflows([retryWorkflow]);
	running = await timed('main process → ready, owner signed in', () => startMain(instance));
	await running.rest.activate(retryWorkflow.id);
}, 300_000);

afterAll(async () => {
	await instance?.stopAll();
	await sandbox?.close();
});

const smsCount = () =>
	sandbox.state.campaigns('demo').reduce((total, campaign) => total + campaign.smsIds.length, 0);

test("n8n's Retry of a failed 500-recipient send: 500 SMS in the sandbox, not 1,000, and the retry gives their smsIds", async () => {
	sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms', times: 2 });
	await fetch(`${running.url}/webhook/e2e-retry-send`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	const [failed] = await executionsOf(running.rest, retryWorkflow.id, 1);
	expect(failed.status).toBe('error');
	expect(smsCount()).toBe(500);

	const failedId = (await running.rest.executions(retryWorkflow.id))[0].id;
	await timed('POST /rest/executions/:id/retry', () =>
		running.rest.request('POST', `/rest/executions/${failedId}/retry`, { loadWorkflow: false }),
	);
	const executions = await executionsOf(running.rest, retryWorkflow.id, 2);
	const retried = executions[1];
	expect(retried).toMatchObject({ status: 'success', mode: 'retry' });
	expect(smsCount()).toBe(500);
	const output = retried.data.resultData.runData.Send[0].data?.main?.[0] ?? [];
	expect(output).toHaveLength(1);
	const answer = output[0].json as { smsIds: unknown[]; treatmentStatus?: string; status: number };
	expect(answer.status).toBe(100);
	expect(answer.treatmentStatus).toBe('ALREADY_PROCESSED');
	expect(answer.smsIds).toHaveLength(500);
	expect(
		new Set(
			sandbox.requests
				.filter((request) => request.apiMethod === 'sendSms')
				.map(
					(request) =>
						(request.smsData?.data as { DATA: { UNIQUEIDENTIFIER: string } }).DATA.UNIQUEIDENTIFIER,
				),
		).size,
	).toBe(1);
});
