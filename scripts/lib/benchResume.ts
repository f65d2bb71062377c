/**
 * Send and Wait for a Reply's half of `npm run bench`: in one running n8n 2.x, the time from a
 * reply reaching n8n to the resumed execution's next node starting, next to n8n's own Wait node
 * resumed from its webhook ("On Webhook Call"), in both orders to cancel drift.
 *
 * - AllMySMS: an execution waits on Send and Wait for a Reply; the sandbox stores a reply and
 *   pushes it to the AllMySMS Trigger (as AllMySMS does), which finds the execution (getPull)
 *   and calls its waiting webhook; the node checks the reply (getPull) and resumes.
 * - Wait node: an execution waits on a Wait node; the benchmark POSTs to its resume URL.
 * The clock starts just before the reply is stored (or the resume URL called) and stops at the
 * `startTime` n8n records for the node after the waiting one.
 */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../../sandbox';
import { type CredentialToImport, type N8nInstance, type WorkflowFile } from './n8n';
import { waitFor } from './processes';
import { startBenchN8n } from './benchN8n';
import { askWorkflow, triggerWorkflow, noOpNode, webhookNode } from './workflows';

function waitNodeWorkflow(id: string, path: string): WorkflowFile & { id: string } {
	return {
		id,
		name: 'bench · Wait node',
		nodes: [
			webhookNode(path),
			{
				id: randomUUID(),
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [220, 0],
				webhookId: randomUUID(),
				parameters: { resume: 'webhook', httpMethod: 'POST', options: {} },
			},
			noOpNode('Answered', [440, 0]),
		],
		connections: {
			Webhook: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
			Wait: { main: [[{ node: 'Answered', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

export async function benchResume(
	instance: N8nInstance,
	sandbox: Sandbox,
	credential: CredentialToImport,
	options: { engine?: 'legacy'; rounds?: number } = {},
): Promise<string> {
	const rounds = options.rounds ?? 20;
	const suffix = options.engine === 'legacy' ? 'L' : 'D';
	const login = String(credential.data.login);
	const node = { credential: { id: credential.id, name: credential.name } };
	const replies = triggerWorkflow(
		`benchResumeMo00${suffix}`,
		['mo'],
		{},
		{ ...node, typeVersion: 1.1 },
	);
	const asking = askWorkflow(`benchResumeAsk0${suffix}`, `bench-ask-${suffix}`);
	for (const entry of asking.nodes) {
		if (entry.credentials) entry.credentials = { allMySmsApi: node.credential };
	}
	const waiting = waitNodeWorkflow(`benchResumeWait${suffix}`, `bench-wait-${suffix}`);
	await instance.importWorkflows([replies, asking, waiting]);
	const { base, main, rest } = await startBenchN8n(
		instance,
		options.engine ? { N8N_EXPRESSION_ENGINE: options.engine } : {},
	);
	try {
		for (const workflow of [replies, asking, waiting]) await rest.activate(workflow.id);

		const nextNodeStart = async (executionId: string) => {
			const execution = await waitFor(
				`execution ${executionId} to finish`,
				async () => {
					const run = await rest.execution(executionId);
					return run.status === 'success' ? run : undefined;
				},
				60_000,
				20,
			);
			return execution.data.resultData.runData['Answered'][0].startTime ?? Date.now();
		};

		const allMySms = async (): Promise<number> => {
			const known = new Set(sandbox.state.campaigns(login).map((campaign) => campaign.id));
			await fetch(`${base}/webhook/bench-ask-${suffix}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ phone: '0639980199', message: `Bench ${randomUUID()} ? OUI/NON` }),
			});
			const campaign = await waitFor(
				'the question',
				() =>
					sandbox.state
						.campaigns(login)
						.find((entry) => !known.has(entry.id) && entry.cliMsgId?.startsWith('n8nwait:')),
				30_000,
				20,
			);
			const executionId = String(campaign.cliMsgId).split(':')[1];
			await waitFor(
				'waiting',
				async () => ((await rest.execution(executionId)).status === 'waiting' ? true : undefined),
				30_000,
				20,
			);
			const started = Date.now();
			sandbox.state.addReply(campaign.smsIds[0], 'oui');
			return (await nextNodeStart(executionId)) - started;
		};

		const waitNode = async (): Promise<number> => {
			const before = new Set((await rest.executions(waiting.id)).map((entry) => entry.id));
			await fetch(`${base}/webhook/bench-wait-${suffix}`, { method: 'POST' });
			const executionId = await waitFor(
				'the Wait node to wait',
				async () =>
					(await rest.executions(waiting.id)).find(
						(entry) => !before.has(entry.id) && entry.status === 'waiting',
					)?.id,
				30_000,
				20,
			);
			const execution = (await rest.execution(executionId)) as unknown as {
				data: { resumeToken?: string };
			};
			const token = execution.data.resumeToken;
			const started = Date.now();
			await fetch(`${base}/webhook-waiting/${executionId}${token ? `?signature=${token}` : ''}`, {
				method: 'POST',
			});
			return (await nextNodeStart(executionId)) - started;
		};

		await allMySms();
		await waitNode();
		const times = { allMySms: [] as number[], waitNode: [] as number[] };
		for (let round = 0; round < rounds; round++) {
			if (round % 2 === 0) {
				times.allMySms.push(await allMySms());
				times.waitNode.push(await waitNode());
			} else {
				times.waitNode.push(await waitNode());
				times.allMySms.push(await allMySms());
			}
		}
		const ours = median(times.allMySms);
		const theirs = median(times.waitNode);
		return [
			`Reply → resumed execution, expression engine: ${options.engine ?? "n8n's default"} (${rounds} each, alternating; median, from the reply stored or the resume URL called to the next node's start):`,
			`  AllMySMS Send and Wait for a Reply, reply pushed to the trigger: ${ours} ms (min ${Math.min(...times.allMySms)}, max ${Math.max(...times.allMySms)})`,
			`  n8n Wait node, its resume URL called:                          ${theirs} ms (min ${Math.min(...times.waitNode)}, max ${Math.max(...times.waitNode)})`,
			`  ratio AllMySMS ÷ Wait node: ${(ours / theirs).toFixed(2)}× (AllMySMS does two getPull requests and one more HTTP hop)`,
		].join('\n');
	} finally {
		await main.stop();
	}
}
