/**
 * One SMS, one request, as a one-time code is sent: a Webhook node (POST, "Respond: When Last
 * Node Finishes") starts a workflow that sends one transactional SMS, and the caller gets its
 * answer once the send is done. The AllMySMS node against n8n's HTTP Request node calling
 * sendSms itself, in one running n8n 2.x, the sandbox answering every request 50 ms late (as a
 * distant AllMySMS would). Calls alternate between the two, and the medians are compared.
 */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../../sandbox';
import { type CredentialToImport, type N8nInstance, type WorkflowFile } from './n8n';
import { startBenchN8n } from './benchN8n';
import { webhookNode } from './workflows';

/** How late the sandbox answers every request: AllMySMS 50 ms away. */
export const ONE_SMS_LATENCY_MS = 50;

type Sender = 'allMySms' | 'httpRequest';

function oneSmsWorkflow(
	id: string,
	path: string,
	sender: Sender,
	credential: CredentialToImport,
	baseUrl: string,
): WorkflowFile & { id: string } {
	const send =
		sender === 'allMySms'
			? {
					id: randomUUID(),
					name: 'Send Code',
					type: 'n8n-nodes-allmysms.allMySms',
					typeVersion: 1,
					position: [220, 0] as [number, number],
					parameters: {
						resource: 'sms',
						operation: 'sendSms',
						messageCategory: 'transactional',
						phoneNumbers: '={{ $json.body.phone }}',
						message: '={{ $json.body.message }}',
						options: {},
					},
					credentials: { allMySmsApi: { id: credential.id, name: credential.name } },
				}
			: {
					id: randomUUID(),
					name: 'Send Code',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [220, 0] as [number, number],
					parameters: {
						method: 'POST',
						url: `${baseUrl}/sendSms/`,
						sendBody: true,
						contentType: 'form-urlencoded',
						bodyParameters: {
							parameters: [
								{ name: 'login', value: String(credential.data.login) },
								{ name: 'apiKey', value: String(credential.data.apiKey) },
								{ name: 'returnformat', value: 'json' },
								{
									name: 'smsData',
									value:
										'={{ JSON.stringify({ DATA: { MESSAGE: $json.body.message, SMS: [{ MOBILEPHONE: $json.body.phone }] } }) }}',
								},
							],
						},
						options: {},
					},
				};
	return {
		id,
		name: `bench · one SMS · ${sender}`,
		nodes: [webhookNode(path, { responseMode: 'lastNode' }, path), send],
		connections: { Webhook: { main: [[{ node: 'Send Code', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function benchOneSms(
	instance: N8nInstance,
	sandbox: Sandbox,
	credential: CredentialToImport,
	options: { calls?: number } = {},
): Promise<string> {
	const calls = options.calls ?? 40;
	const paths: Record<Sender, string> = {
		allMySms: 'bench-one-sms-node',
		httpRequest: 'bench-one-sms-http',
	};
	const workflows = {
		allMySms: oneSmsWorkflow(
			'benchOneSmsNode0',
			paths.allMySms,
			'allMySms',
			credential,
			sandbox.baseUrl,
		),
		httpRequest: oneSmsWorkflow(
			'benchOneSmsHttp0',
			paths.httpRequest,
			'httpRequest',
			credential,
			sandbox.baseUrl,
		),
	};
	await instance.importWorkflows([workflows.allMySms, workflows.httpRequest]);
	const { base, main, rest } = await startBenchN8n(instance);
	sandbox.injectFault({ mode: 'slow', delayMs: ONE_SMS_LATENCY_MS, times: 1_000_000 });
	try {
		await rest.activate(workflows.allMySms.id);
		await rest.activate(workflows.httpRequest.id);
		const requestsBefore = sandbox.requests.length;
		let code = 0;
		const call = async (sender: Sender): Promise<number> => {
			code += 1;
			const started = performance.now();
			const answer = await fetch(`${base}/webhook/${paths[sender]}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				// Another text each time: AllMySMS refuses an identical request within 10 s (121).
				body: JSON.stringify({ phone: '0612345678', message: `Your code is ${100000 + code}` }),
			});
			const text = await answer.text();
			const elapsed = performance.now() - started;
			if (!answer.ok || !/"status":100/.test(text))
				throw new Error(`${sender}: ${answer.status} ${text.slice(0, 300)}`);
			return elapsed;
		};
		// Warm both up (the first calls compile and cache), then alternate, each first half the time.
		for (let index = 0; index < 3; index++) {
			await call('allMySms');
			await call('httpRequest');
		}
		const times: Record<Sender, number[]> = { allMySms: [], httpRequest: [] };
		for (let index = 0; index < calls; index++) {
			const order: Sender[] = index % 2 ? ['httpRequest', 'allMySms'] : ['allMySms', 'httpRequest'];
			for (const sender of order) times[sender].push(await call(sender));
		}
		const perCall = (sandbox.requests.length - requestsBefore) / (2 * (calls + 3));
		await rest.deactivate(workflows.allMySms.id);
		await rest.deactivate(workflows.httpRequest.id);
		const ours = median(times.allMySms);
		const theirs = median(times.httpRequest);
		return [
			`| one transactional SMS from a Webhook (respond when done), AllMySMS ${ONE_SMS_LATENCY_MS} ms away, ${calls} calls each, alternating | median time to the answer |`,
			'| --- | --- |',
			`| AllMySMS node | ${ours.toFixed(0)} ms |`,
			`| HTTP Request node calling sendSms | ${theirs.toFixed(0)} ms |`,
			`| ratio | ${(ours / theirs).toFixed(2)}× (requests to AllMySMS per call, both nodes: ${perCall.toFixed(2)}) |`,
		].join('\n');
	} finally {
		sandbox.clearFaults();
		await main.stop();
	}
}
