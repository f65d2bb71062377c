/**
 * Phase "conversation": SMS → Send and Wait for a Reply in a running n8n 2.x. A workflow asks a
 * question by SMS and waits; the contact's reply, pushed by the sandbox to the AllMySMS Trigger
 * of another (published) workflow, resumes it: once, and only the execution that asked.
 */
import { nodeOutput, type N8nInstance, type WorkflowFile } from '../../scripts/lib/n8n';
import { waitFor } from '../../scripts/lib/processes';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { askWorkflow, DEMO_API_KEY, webhookNode } from '../../scripts/lib/workflows';
import type { Sandbox } from '../../sandbox';
import { readWaitMarker, replyToken } from '../../nodes/AllMySms/shared/conversation/waitingLink';
import { randomUUID } from 'node:crypto';

import {
	answer,
	answered,
	ask,
	campaignsNow,
	executionIs,
	questionReaching,
	type Question,
} from './support/conversation';
import {
	fakeModelCredential,
	openAiModelNode,
	SANDBOX,
	sendSmsTool,
	TOOL_TYPE,
} from './support/agents';
import { connectMcpClient, resultText } from './support/mcpClient';
import {
	startFakeChatModel,
	toolCallsThenText,
	toolResults,
	type FakeChatModel,
} from './support/fakeChatModel';
import {
	demoSandbox,
	executionsOf,
	newInstance,
	packageProblems,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';
import { triggerWorkflow, TRIGGER_NODE } from './support/triggerWorkflow';

/**
 * The approval tool n8n makes of the node (`allMySmsHitlTool`): Webhook → AI Agent 3.1 whose
 * Send_SMS tool is gated by "SMS Approval", which asks the approver by SMS first.
 */
const APPROVER = '0639980150';
const approval: WorkflowFile & { id: string } = {
	id: 'e2eConvApproval',
	name: 'E2E · AI Agent with an SMS approval',
	nodes: [
		webhookNode('e2e-approval'),
		{
			id: randomUUID(),
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [220, 0],
			parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} },
		},
		openAiModelNode([120, 220]),
		{
			id: randomUUID(),
			name: 'SMS Approval',
			type: 'n8n-nodes-allmysms.allMySmsHitlTool',
			typeVersion: 1,
			position: [320, 220],
			parameters: {
				resource: 'sms',
				operation: 'sendAndWait',
				phoneNumbers: APPROVER,
				message: '=The assistant wants to run {{ $tool.name }}. Reply YES or NO',
				options: {},
			},
			credentials: SANDBOX,
		},
		sendSmsTool([420, 440]),
	],
	connections: {
		Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
		'SMS Approval': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		Send_SMS: { ai_tool: [[{ node: 'SMS Approval', type: 'ai_tool', index: 0 }]] },
	},
};

/** Send and Wait served as a plain tool by the MCP Server Trigger, where n8n cannot pause. */
const MCP_PATH = 'e2e-conv-mcp';
const mcpAsk: WorkflowFile & { id: string } = {
	id: 'e2eConvMcpAsk',
	name: 'E2E · Send and Wait over MCP',
	nodes: [
		{
			id: randomUUID(),
			name: 'MCP Server Trigger',
			type: '@n8n/n8n-nodes-langchain.mcpTrigger',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { authentication: 'none', path: MCP_PATH },
		},
		{
			id: randomUUID(),
			name: 'Ask_And_Wait',
			type: TOOL_TYPE,
			typeVersion: 1,
			position: [0, 220],
			parameters: { ...sendSmsTool([0, 0]).parameters, operation: 'sendAndWait' },
			credentials: SANDBOX,
		},
	],
	connections: {
		Ask_And_Wait: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
	},
};

let model: FakeChatModel;
let sandbox: Sandbox;
let instance: N8nInstance;
let running: RunningMain;
const replies = triggerWorkflow('e2eConvReplies', ['mo']);
const asking = askWorkflow('e2eConvAsk', 'e2e-ask');
const askUrl = () => `${running.url}/webhook/e2e-ask`;
const HINT = 'Please answer YES or NO.';
const askingWithHint = askWorkflow('e2eConvAskHint', 'e2e-ask-hint', {
	approvalOptions: { hintMessage: HINT },
});
const askingFreeText = askWorkflow('e2eConvAskFree', 'e2e-ask-free', { responseType: 'freeText' });

beforeAll(async () => {
	sandbox = await demoSandbox();
	model = await startFakeChatModel();
	instance = await newInstance(N8N_LATEST, 'conversation');
	await instance.importCredentials([sandboxCredentialFor(sandbox), fakeModelCredential(model.url)]);
	await instance.importWorkflows([
		replies,
		asking,
		askingWithHint,
		askingFreeText,
		approval,
		mcpAsk,
	]);
	running = await timed('n8n start → ready, owner signed in', () => startMain(instance));
	await timed('publish the replies trigger and the ask workflow', async () => {
		await running.rest.activate(replies.id);
		await running.rest.activate(asking.id);
		await running.rest.activate(approval.id);
		await running.rest.activate(askingWithHint.id);
		await running.rest.activate(askingFreeText.id);
		await running.rest.activate(mcpAsk.id);
	});
}, 300_000);

afterAll(async () => {
	await instance?.stopAll();
	await model?.close();
	await sandbox?.close();
});

test('"oui" resumes the waiting execution with approved: true', async () => {
	const question = await ask(sandbox, askUrl(), {
		phone: '0639980101',
		message: 'Confirmez-vous le rendez-vous de mardi 10:00 ? Répondez OUI ou NON',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	await timed('reply "oui" → execution resumed', async () => {
		await answer(sandbox, question.smsId, 'oui');
		const { status, output } = await answered(running.rest, question.executionId);
		expect(status).toBe('success');
		expect(output).toEqual([
			expect.objectContaining({
				approved: true,
				decision: 'approved',
				reply: 'oui',
				phoneNumber: '33639980101',
				smsId: question.smsId,
				campaignId: question.campaignId,
				smsMoId: expect.any(String),
				receptionDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				timedOut: false,
			}),
		]);
	});
	// Resumed: the trigger's own workflow does not start for that reply (the default).
	await sandbox.webhooks.settled();
	expect(await running.rest.executions(replies.id)).toEqual([]);
});

test('"Non." declines; a second reply afterwards resumes nothing and reaches the trigger as an ordinary reply', async () => {
	const question = await ask(sandbox, askUrl(), {
		phone: '0639980102',
		message: 'Valider le remboursement de 240 € ? Répondez OUI ou NON',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	await answer(sandbox, question.smsId, 'Non.');
	expect((await answered(running.rest, question.executionId)).output).toEqual([
		expect.objectContaining({ approved: false, decision: 'declined', reply: 'Non.' }),
	]);

	await answer(sandbox, question.smsId, 'Oui finalement');
	const [ordinary] = await executionsOf(running.rest, replies.id, 1);
	expect(nodeOutput(ordinary, TRIGGER_NODE)).toEqual([
		expect.objectContaining({ event: 'mo', message: 'Oui finalement', smsId: question.smsId }),
	]);
	const execution = await running.rest.execution(question.executionId);
	expect(execution.data.resultData.runData['Answered']).toHaveLength(1);
});

test('an answer that is neither keeps it waiting; STOP then declines and says the contact opted out', async () => {
	const question = await ask(sandbox, askUrl(), {
		phone: '0639980103',
		message: 'Acceptez-vous la livraison samedi ? OUI ou NON',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	await answer(sandbox, question.smsId, 'peut-être');
	await sandbox.webhooks.settled();
	expect((await running.rest.execution(question.executionId)).status).toBe('waiting');
	await answer(sandbox, question.smsId, 'STOP');
	expect((await answered(running.rest, question.executionId)).output).toEqual([
		expect.objectContaining({
			approved: false,
			decision: 'optedOut',
			optedOut: true,
			reply: 'STOP',
		}),
	]);
});

test('with a hint: an answer that is neither gets the hint once, even when AllMySMS pushes it twice', async () => {
	const question = await ask(sandbox, `${running.url}/webhook/e2e-ask-hint`, {
		phone: '0639980108',
		message: 'On maintient la visite ? OUI ou NON',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	const hints = () =>
		sandbox.state.campaigns('demo').filter((campaign) => campaign.message === HINT);
	await answer(sandbox, question.smsId, 'demain peut-être');
	await waitFor('the hint', () => hints().length === 1, 15_000);
	// The same reply pushed again (a webhook delivered twice): no second hint.
	const [push] = sandbox.webhooks.calls.filter(
		(call) => call.kind === 'mo' && call.params.smsId === question.smsId,
	);
	expect((await fetch(push.url)).status).toBe(200);
	await sandbox.webhooks.settled();
	expect(hints()).toHaveLength(1);
	expect((await running.rest.execution(question.executionId)).status).toBe('waiting');
	await answer(sandbox, question.smsId, 'oui');
	expect((await answered(running.rest, question.executionId)).output[0]).toMatchObject({
		approved: true,
		reply: 'oui',
	});
});

test('free text: the first reply resumes the execution with its text', async () => {
	const question = await ask(sandbox, `${running.url}/webhook/e2e-ask-free`, {
		phone: '0639980109',
		message: 'Quel créneau vous convient ?',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	await answer(sandbox, question.smsId, 'Jeudi 14h si possible');
	const [item] = (await answered(running.rest, question.executionId)).output;
	expect(item).toMatchObject({ reply: 'Jeudi 14h si possible', timedOut: false });
	expect(item).not.toHaveProperty('approved');
});

test('no reply within the limit: the execution resumes with timedOut and no reply', async () => {
	const question = await ask(sandbox, askUrl(), {
		phone: '0639980104',
		message: 'Toujours partant ? OUI ou NON',
		limitSeconds: 2,
	});
	const { status, output } = await timed('limit of 2 s → resumed by n8n', () =>
		executionIs(running.rest, question.executionId, 'success', 90_000).then(() =>
			answered(running.rest, question.executionId),
		),
	);
	expect(status).toBe('success');
	expect(output).toEqual([
		expect.objectContaining({
			timedOut: true,
			approved: null,
			reply: null,
			smsId: question.smsId,
			phoneNumber: '33639980104',
		}),
	]);
	// A reply after the limit resumes nothing: it is an ordinary reply.
	const before = (await running.rest.executions(replies.id)).length;
	await answer(sandbox, question.smsId, 'oui');
	await executionsOf(running.rest, replies.id, before + 1);
});

test('two executions waiting on the same number: each is resumed by the reply to its own SMS', async () => {
	const first = await ask(sandbox, askUrl(), {
		phone: '0639980105',
		message: 'Question A ? OUI/NON',
	});
	const second = await ask(sandbox, askUrl(), {
		phone: '0639980105',
		message: 'Question B ? OUI/NON',
	});
	await executionIs(running.rest, first.executionId, 'waiting');
	await executionIs(running.rest, second.executionId, 'waiting');
	await answer(sandbox, second.smsId, 'non');
	expect((await answered(running.rest, second.executionId)).output[0]).toMatchObject({
		approved: false,
		smsId: second.smsId,
	});
	expect((await running.rest.execution(first.executionId)).status).toBe('waiting');
	await answer(sandbox, first.smsId, 'oui');
	expect((await answered(running.rest, first.executionId)).output[0]).toMatchObject({
		approved: true,
		smsId: first.smsId,
	});
});

test('20 executions waiting at once, replies in random order: 20 correct resumptions, none lost or doubled', async () => {
	const questions: Array<Question & { expected: boolean }> = [];
	for (let index = 0; index < 20; index++) {
		const phone = `06399802${String(index).padStart(2, '0')}`;
		questions.push({
			...(await ask(sandbox, askUrl(), { phone, message: `Question ${index} ? OUI/NON` })),
			expected: index % 3 !== 0,
		});
	}
	for (const question of questions)
		await executionIs(running.rest, question.executionId, 'waiting');
	const shuffled = [...questions].sort(() => Math.random() - 0.5);
	await timed('20 replies in random order → 20 resumed', async () => {
		await Promise.all(
			shuffled.map((question) =>
				answer(sandbox, question.smsId, question.expected ? 'OUI' : 'NON'),
			),
		);
		for (const question of questions) {
			const { status, output } = await answered(running.rest, question.executionId);
			expect({ status, output: output.map((item) => [item.smsId, item.approved]) }).toEqual({
				status: 'success',
				output: [[question.smsId, question.expected]],
			});
		}
	});
	for (const question of questions) {
		const execution = await running.rest.execution(question.executionId);
		expect(execution.data.resultData.runData['Answered']).toHaveLength(1);
	}
});

test('a forged call to the waiting webhook is refused and resumes nothing', async () => {
	const question = await ask(sandbox, askUrl(), {
		phone: '0639980106',
		message: 'Forge ? OUI/NON',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	const askNodeId = String(asking.nodes.find((node) => node.name === 'Ask')!.id);
	const reply = {
		smsId: question.smsId,
		smsMoId: '999999',
		campaignId: question.campaignId,
		phoneNumber: '33639980106',
		message: 'oui',
		receptionDate: '2026-12-07 10:00:00',
	};
	const marker = { executionId: question.executionId, nodeId: askNodeId };
	const post = async (query: string, token: string) =>
		await fetch(`${running.url}/webhook-waiting/${question.executionId}/${askNodeId}${query}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...reply, token }),
		});
	// Knowing the URL is not enough: n8n wants its signature (401)…
	const sameKey = replyToken(DEMO_API_KEY, marker, reply);
	expect((await post('', sameKey)).status).toBe(401);
	expect((await post(`?signature=${'0'.repeat(64)}`, sameKey)).status).toBe(401);
	// …which only the question's CLIMSGID holds (readable with the API key), and then the node
	// wants the reply signed with the API key (403).
	const { signature } = readWaitMarker(
		sandbox.state.campaigns('demo').find((campaign) => campaign.id === question.campaignId)
			?.cliMsgId,
	)!;
	const wrongKey = replyToken('not-the-key', marker, reply);
	const refused = await post(`?signature=${signature}`, wrongKey);
	expect(refused.status).toBe(403);
	expect(await refused.json()).toEqual({ resumed: false, reason: 'forbidden' });
	expect((await running.rest.execution(question.executionId)).status).toBe('waiting');

	// The genuine reply, through the trigger, still resumes it.
	await answer(sandbox, question.smsId, 'non');
	expect((await answered(running.rest, question.executionId)).output[0]).toMatchObject({
		approved: false,
		reply: 'non',
	});
});

describe('an AI Agent’s tool call held until a person answers the SMS', () => {
	async function agentAsks(customer: string, text: string): Promise<Question> {
		model.script(
			toolCallsThenText(
				// A gated tool's schema wraps its own arguments in toolParameters (n8n's HITL tools).
				[
					{
						name: 'Send_SMS',
						arguments: { toolParameters: { phoneNumbers: customer, message: text } },
					},
				],
				'Done.',
			),
		);
		const known = campaignsNow(sandbox);
		const response = await fetch(`${running.url}/webhook/e2e-approval`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: `Tell ${customer}: ${text}` }),
		});
		expect(response.status).toBe(200);
		return await questionReaching(sandbox, known, (message) => message.includes('Send_SMS'));
	}
	test('"YES" runs the tool: the SMS leaves', async () => {
		const question = await agentAsks('0639980151', 'Votre remboursement de 240 € est validé.');
		await executionIs(running.rest, question.executionId, 'waiting');
		const refund = (campaign: { message: string }) =>
			campaign.message === 'Votre remboursement de 240 € est validé.';
		// Held: nothing sent to the customer while the approver has not answered.
		expect(sandbox.state.campaigns('demo').filter(refund)).toEqual([]);
		await answer(sandbox, question.smsId, 'YES');
		const execution = await executionIs(running.rest, question.executionId, 'success', 60_000);
		const sendRuns = execution.data.resultData.runData['Send_SMS'] ?? [];
		expect({
			sent: sandbox.state.campaigns('demo').filter(refund).length,
			toolOutput: JSON.stringify(sendRuns).slice(0, 2000),
		}).toEqual({ sent: 1, toolOutput: expect.stringContaining('"outcome":"sent"') });
	});

	test('"NO" returns the decline to the model: nothing is sent', async () => {
		const question = await agentAsks('0639980152', 'Votre commande est annulée.');
		await executionIs(running.rest, question.executionId, 'waiting');
		await answer(sandbox, question.smsId, 'NO');
		await executionIs(running.rest, question.executionId, 'success', 60_000);
		expect(
			sandbox.state
				.campaigns('demo')
				.filter((campaign) => campaign.message === 'Votre commande est annulée.'),
		).toEqual([]);
		const lastRequest = model.requests[model.requests.length - 1];
		expect(
			toolResults(lastRequest)
				.map((result) => result.text)
				.join(' '),
		).toMatch(/rejected the tool call/);
	});
});

test('as a plain tool over MCP, where n8n cannot pause, it is refused before anything is sent', async () => {
	const client = await connectMcpClient(instance.install, `${running.url}/mcp/${MCP_PATH}`);
	try {
		const known = campaignsNow(sandbox);
		const result = await client.callTool({
			name: 'Ask_And_Wait',
			arguments: { phoneNumbers: '0639980110', message: 'Do you confirm? YES or NO' },
		});
		expect(resultText(result)).toMatch(
			/cannot run as a tool of the MCP Server Trigger or of an AI Agent before version 3/,
		);
		expect(sandbox.state.campaigns('demo').filter((campaign) => !known.has(campaign.id))).toEqual(
			[],
		);
	} finally {
		await client.close();
	}
});

test('n8n restarted while an execution waits: the reply still resumes it', async () => {
	const question = await ask(sandbox, askUrl(), {
		phone: '0639980107',
		message: 'Après redémarrage ? OUI/NON',
	});
	await executionIs(running.rest, question.executionId, 'waiting');
	await timed('n8n stop → start', async () => {
		await instance.stopAll();
		// Same address, as a real n8n restarts behind its WEBHOOK_URL.
		running = await startMain(instance, {}, Number(new URL(running.url).port));
	});
	await waitFor(
		'the replies trigger to be published again',
		async () => {
			const response = await fetch(`${running.url}/healthz`);
			return response.ok;
		},
		30_000,
	);
	await answer(sandbox, question.smsId, 'oui');
	expect((await answered(running.rest, question.executionId)).output[0]).toMatchObject({
		approved: true,
		smsId: question.smsId,
	});
});

test('no error or warning about the package in n8n’s log', () => {
	expect(packageProblems(running.main.log())).toEqual([]);
});
