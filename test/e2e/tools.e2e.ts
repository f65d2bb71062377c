/**
 * Phase "tools": the AllMySMS node used as an AI tool in a real n8n 2.x, the two ways users run
 * it. n8n offers every `usableAsTool` node as a tool type of its own (`<package>.<node>Tool`,
 * here `n8n-nodes-allmysms.allMySmsTool`), whose parameters an AI fills with `$fromAI()`.
 *
 * - An MCP Server Trigger exposing two AllMySMS tools (Send_SMS, Get_Info) to an MCP client, the
 *   official SDK's, as Claude Desktop or Cursor would connect to it: list the tools, send, refuse
 *   a wrong number, send twice, read the credits.
 * - An AI Agent (3.x, and 2.2, which saved workflows still hold) whose OpenAI Chat Model is a
 *   scripted fake on loopback: the model asks for two sends in one turn, then answers once the
 *   tool results are back; once more with the agent streaming its answer.
 *
 * These hosts do not run a node the way a workflow does: the MCP trigger and Agent 2.x call the
 * node type's `execute` from inside their own run (n8n-core create-node-as-tool), and Agent 3.x
 * asks the engine to run the tool node. Each test says what reached the sandbox and what the
 * tool answered, so a failure shows which of them went wrong.
 */
import { randomUUID } from 'node:crypto';

import type { N8nInstance, WorkflowFile } from '../../scripts/lib/n8n';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { DEMO_API_KEY } from '../../scripts/lib/workflows';
import type { SmsRecord, Sandbox } from '../../sandbox';
import {
	demoSandbox,
	newInstance,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';
import {
	startFakeChatModel,
	toolCallsThenText,
	toolResults,
	type FakeChatModel,
} from './support/fakeChatModel';
import {
	fakeModelCredential,
	openAiModelNode,
	SANDBOX,
	SEND_SMS_DESCRIPTION,
	sendSmsTool,
	TOOL_TYPE,
} from './support/agents';
import {
	connectMcpClient,
	resultText,
	type McpClient,
	type McpToolResult,
} from './support/mcpClient';

const MCP_PATH = 'e2e-allmysms-tools';

/**
 * A budget on Send_SMS, as a careful user sets one: every call then also runs the cost check
 * (getPrices, getCreditsByCountryIsoCode, getInfo) before its one sendSms, the way a workflow does.
 */
const BUDGET = { maximumCredits: 100 };
const CHECKED_THEN_SENT = ['getPrices', 'getCreditsByCountryIsoCode', 'getInfo', 'sendSms'];
const methodsSince = (since: Mark) =>
	sandbox.requests.slice(since.requests).map((request) => String(request.apiMethod));
const MCP_TRIGGER = 'MCP Server Trigger';

const mcpWorkflow: WorkflowFile & { id: string } = {
	id: 'e2eToolsMcp',
	name: 'E2E · AllMySMS tools over MCP',
	nodes: [
		{
			id: randomUUID(),
			name: MCP_TRIGGER,
			type: '@n8n/n8n-nodes-langchain.mcpTrigger',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { authentication: 'none', path: MCP_PATH },
		},
		sendSmsTool([-100, 220], BUDGET),
		{
			id: randomUUID(),
			name: 'Get_Info',
			type: TOOL_TYPE,
			typeVersion: 1,
			position: [100, 220],
			// As the editor adds it today: no description of the user's, the node's own for the operation.
			parameters: { resource: 'account', operation: 'getInfo', options: {} },
			credentials: SANDBOX,
		},
	],
	connections: {
		Send_SMS: { ai_tool: [[{ node: MCP_TRIGGER, type: 'ai_tool', index: 0 }]] },
		Get_Info: { ai_tool: [[{ node: MCP_TRIGGER, type: 'ai_tool', index: 0 }]] },
	},
};

/** The newest Agent version of this n8n (AgentV3's `version: [3, 3.1]`), and the last 2.x users saved. */
const AGENT_VERSIONS = [3.1, 2.2] as const;

interface AgentCase {
	version: (typeof AGENT_VERSIONS)[number];
	streaming: boolean;
	workflow: WorkflowFile & { id: string };
	path: string;
}

/**
 * Webhook → AI Agent, with the fake OpenAI model and Send_SMS. The webhook answers with the
 * agent's output (Respond: When Last Node Finishes), or streams it (Respond: Streaming), which
 * is what turns an agent's streaming on.
 */
function agentCase(version: AgentCase['version'], streaming: boolean): AgentCase {
	const suffix = `${String(version).replace('.', '')}${streaming ? 'Stream' : ''}`;
	const path = `e2e-tools-agent-${suffix.toLowerCase()}`;
	const workflow: WorkflowFile & { id: string } = {
		id: `e2eToolsAgent${suffix}`,
		name: `E2E · AI Agent ${version}${streaming ? ' streaming' : ''} with AllMySMS`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: streaming
					? { httpMethod: 'POST', path, responseMode: 'streaming', options: {} }
					: {
							httpMethod: 'POST',
							path,
							responseMode: 'lastNode',
							responseData: 'firstEntryJson',
							options: {},
						},
			},
			{
				id: randomUUID(),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: version,
				position: [220, 0],
				parameters: {
					promptType: 'define',
					text: '={{ $json.body.prompt }}',
					options: { enableStreaming: streaming },
				},
			},
			openAiModelNode([120, 220]),
			sendSmsTool([320, 220], BUDGET),
		],
		connections: {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			Send_SMS: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
	return { version, streaming, workflow, path };
}

const agentCases: AgentCase[] = [
	...AGENT_VERSIONS.map((version) => agentCase(version, false)),
	...AGENT_VERSIONS.map((version) => agentCase(version, true)),
];

let sandbox: Sandbox;
let model: FakeChatModel;
let instance: N8nInstance;
let running: RunningMain;
let mcp: McpClient | undefined;

beforeAll(async () => {
	sandbox = await demoSandbox();
	model = await startFakeChatModel();
	instance = await newInstance(N8N_LATEST, 'tools');
	await instance.importCredentials([sandboxCredentialFor(sandbox), fakeModelCredential(model.url)]);
	await instance.importWorkflows([mcpWorkflow, ...agentCases.map((agent) => agent.workflow)]);
	running = await timed('n8n start → ready, owner signed in', () => startMain(instance));
	await timed('publish the MCP and agent workflows (REST)', async () => {
		for (const workflow of [mcpWorkflow, ...agentCases.map((agent) => agent.workflow)])
			await running.rest.activate(workflow.id);
	});
}, 300_000);

afterAll(async () => {
	await mcp?.close().catch(() => undefined);
	await instance?.stopAll();
	await model?.close();
	await sandbox?.close();
});

/* ----- what the sandbox saw ----- */

interface Mark {
	sms: Set<string>;
	requests: number;
}

function allSms(): SmsRecord[] {
	return sandbox.state
		.campaigns('demo')
		.flatMap((campaign) => sandbox.state.smsOfCampaign(campaign));
}

function mark(): Mark {
	return { sms: new Set(allSms().map((sms) => sms.smsId)), requests: sandbox.requests.length };
}

/** The SMS the sandbox holds that were not there at `since`, in the order they were sent. */
function smsSince(since: Mark): SmsRecord[] {
	return allSms().filter((sms) => !since.sms.has(sms.smsId));
}

/** Each API request the sandbox got since `since`, with the start of its answer (for failure messages). */
function requestsSince(since: Mark): string[] {
	return sandbox.requests
		.slice(since.requests)
		.map(
			(request) =>
				`${request.apiMethod ?? request.path} → ${request.answer.body.replace(/\s+/g, ' ').slice(0, 200)}`,
		);
}

const smsView = (sms: SmsRecord) => ({ phoneNumber: sms.phoneNumber, message: sms.message });

/**
 * Runs an assertion and, when it fails, appends to its message the API requests the sandbox got
 * since `since` and any `context` (the tool's raw answer): what reached AllMySMS and what the
 * tool said explain most failures, and jest's diff hides a value an asymmetric matcher accepted.
 */
function explained(since: Mark, assertion: () => void, context: Record<string, string> = {}): void {
	try {
		assertion();
	} catch (error) {
		if (error instanceof Error) {
			const requests = requestsSince(since);
			const lines = [
				'API requests the sandbox got during this test:',
				...(requests.length > 0 ? requests.map((line) => `  ${line}`) : ['  (none)']),
			];
			for (const [label, value] of Object.entries(context))
				lines.push(`${label}:`, `  ${value.slice(0, 1000)}`);
			error.message += `\n\n${lines.join('\n')}`;
			// jest prints the stack, which holds the message as it was when thrown.
			const frames = error.stack?.indexOf('\n    at ') ?? -1;
			error.stack =
				frames === -1 ? error.message : `${error.message}${error.stack?.slice(frames) ?? ''}`;
		}
		throw error;
	}
}

/* ----- MCP Server Trigger ----- */

function mcpClient(): McpClient {
	if (!mcp) throw new Error('the MCP client did not connect (see the first MCP test)');
	return mcp;
}

/** An error as an MCP client sees it: flagged, or the text n8n gives a thrown tool error. */
function isToolError(result: McpToolResult): boolean {
	return (
		result.isError === true ||
		/^(\w+Error: |HTTP \d{3} There was an error: |There was an error: )/.test(resultText(result))
	);
}

async function callTool(
	name: string,
	args: Record<string, unknown>,
): Promise<{ result: McpToolResult; text: string }> {
	const result = await timed(`MCP tools/call ${name}`, () =>
		mcpClient().callTool({ name, arguments: args }),
	);
	return { result, text: resultText(result) };
}

describe('MCP Server Trigger with two AllMySMS tools, used from the official MCP client', () => {
	beforeAll(async () => {
		mcp = await timed('MCP client connects (Streamable HTTP)', () =>
			connectMcpClient(instance.install, `${running.url}/mcp/${MCP_PATH}`),
		);
	});

	test('tools/list gives Send_SMS and Get_Info with their descriptions, and Send_SMS asks for phoneNumbers and message', async () => {
		const { tools } = await timed('MCP tools/list', () => mcpClient().listTools());
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		expect(tools.map((tool) => tool.name).sort()).toEqual(['Get_Info', 'Send_SMS']);

		expect(byName.Send_SMS.description).toBe(SEND_SMS_DESCRIPTION);
		expect(byName.Send_SMS.inputSchema).toMatchObject({
			type: 'object',
			properties: {
				phoneNumbers: { type: 'string', description: expect.stringContaining('Mobile numbers') },
				message: { type: 'string', description: 'Text of the SMS' },
			},
		});
		expect([...(byName.Send_SMS.inputSchema.required ?? [])].sort()).toEqual([
			'message',
			'phoneNumbers',
		]);

		// Set Automatically: n8n builds it from the operation's action, "<action> in AllMySMS".
		// The node's own tool description of the operation (shared/toolDescriptions.ts), not n8n's "Get account information in AllMySMS".
		expect(byName.Get_Info.description).toBe(
			'Get the AllMySMS account: its remaining credits and SMS, and its contact details.',
		);
		expect(Object.keys(byName.Get_Info.inputSchema.properties ?? {})).toEqual([]);
	});

	test('Send_SMS to a French mobile: exactly one SMS in the sandbox, and the tool result gives its smsId', async () => {
		const before = mark();
		const message = 'MCP: your appointment is confirmed for tomorrow 10:00';
		const { result, text } = await callTool('Send_SMS', { phoneNumbers: '+33612345678', message });
		const sent = smsSince(before);
		explained(before, () =>
			expect({
				smsInSandbox: sent.map(smsView),
				requests: methodsSince(before),
				isError: isToolError(result),
				toolResult: text,
			}).toEqual({
				smsInSandbox: [{ phoneNumber: '33612345678', message }],
				requests: CHECKED_THEN_SENT,
				isError: false,
				toolResult: expect.stringContaining(
					sent[0]?.smsId ?? '<the smsId of the SMS in the sandbox>',
				),
			}),
		);
	});

	test('Send_SMS with phoneNumbers "hello": an MCP error naming the field, and nothing sent', async () => {
		const before = mark();
		const { result, text } = await callTool('Send_SMS', {
			phoneNumbers: 'hello',
			message: 'MCP: this must not be sent',
		});
		const sendRequests = sandbox.requests
			.slice(before.requests)
			.filter((request) => request.apiMethod === 'sendSms');
		explained(before, () =>
			expect({
				isError: isToolError(result),
				toolResult: text,
				sendSmsRequests: sendRequests.length,
				smsInSandbox: smsSince(before).map(smsView),
			}).toEqual({
				isError: true,
				toolResult: expect.stringMatching(/Phone Numbers|phoneNumbers/),
				sendSmsRequests: 0,
				smsInSandbox: [],
			}),
		);
	});

	test('Send_SMS of 8 SMS parts (120 credits) over the tool’s Maximum Credits of 100: an MCP error saying so, and nothing sent', async () => {
		const before = mark();
		const { result, text } = await callTool('Send_SMS', {
			phoneNumbers: '+33612345678',
			message: `MCP: ${'a'.repeat(1100)}`,
		});
		explained(before, () =>
			expect({
				isError: isToolError(result),
				toolResult: text,
				requests: methodsSince(before),
			}).toEqual({
				isError: true,
				toolResult: expect.stringMatching(
					/Maximum Credits.*would use 120 credits.*more than the Maximum Credits of 100 credits\. Nothing was sent/,
				),
				requests: ['getPrices', 'getCreditsByCountryIsoCode', 'getInfo'],
			}),
		);
	});

	test('two Send_SMS calls with different messages: two more SMS, each result with its own smsId', async () => {
		const before = mark();
		const messages = ['MCP: your parcel has shipped', 'MCP: your parcel is out for delivery'];
		const calls: Array<{ result: McpToolResult; text: string }> = [];
		for (const message of messages)
			calls.push(await callTool('Send_SMS', { phoneNumbers: '+33612345678', message }));
		const sent = smsSince(before);
		const smsIdFor = (message: string) =>
			sent.find((sms) => sms.message === message)?.smsId ??
			`<the smsId of "${message}" in the sandbox>`;
		explained(before, () =>
			expect({
				smsInSandbox: sent.map(smsView),
				toolResults: calls.map((call) => ({ isError: isToolError(call.result), text: call.text })),
			}).toEqual({
				smsInSandbox: messages.map((message) => ({ phoneNumber: '33612345678', message })),
				toolResults: messages.map((message) => ({
					isError: false,
					text: expect.stringContaining(smsIdFor(message)),
				})),
			}),
		);
	});

	test('Get_Info: the result gives the credits, and never the API key of the credential', async () => {
		const before = mark();
		const { result, text } = await callTool('Get_Info', {});
		const { credits } = sandbox.state.account('demo');
		// The answer is JSON inside the tool's JSON text: read it with the escaping taken out.
		const creditsGiven = /"credits":"?(\d+(?:\.\d+)?)"?/.exec(text.replace(/\\/g, ''))?.[1];
		explained(
			before,
			() => {
				expect({
					isError: isToolError(result),
					creditsGiven,
					apiMethods: sandbox.requests.slice(before.requests).map((request) => request.apiMethod),
				}).toEqual({
					isError: false,
					creditsGiven: String(credits),
					apiMethods: ['getInfo'],
				});
				expect(text).not.toContain(DEMO_API_KEY);
			},
			{ 'Get_Info answered': text },
		);
	});
});

/* ----- AI Agent ----- */

/**
 * Calls the agent's webhook and returns what its caller gets: the agent's `output` (Respond:
 * When Last Node Finishes), or the text of the streamed `item` chunks (Respond: Streaming, one
 * JSON object a line).
 */
async function runAgent(
	agent: AgentCase,
	prompt: string,
): Promise<{ status: number; answer: string; body: string }> {
	const response = await fetch(`${running.url}/webhook/${agent.path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ prompt }),
		signal: AbortSignal.timeout(60_000),
	});
	const body = await response.text();
	if (!agent.streaming) {
		let output = body;
		try {
			output = String((JSON.parse(body) as { output?: unknown }).output ?? body);
		} catch {
			// Not JSON: n8n's error page; kept as it is for the failure message.
		}
		return { status: response.status, answer: output, body };
	}
	const chunks = body
		.split('\n')
		.filter((line) => line.trim().startsWith('{'))
		.map((line) => {
			try {
				return JSON.parse(line) as { type?: string; content?: string };
			} catch {
				return {};
			}
		});
	return {
		status: response.status,
		answer: chunks
			.filter((chunk) => chunk.type === 'item')
			.map((chunk) => chunk.content ?? '')
			.join(''),
		body,
	};
}

describe.each(
	agentCases.map(
		(agent) => [`AI Agent ${agent.version}${agent.streaming ? ', streaming' : ''}`, agent] as const,
	),
)('%s with the AllMySMS tool and an OpenAI chat model', (_label, agent) => {
	test('the model asks for two sends in one turn: two SMS in the sandbox, and the tool results it gets back hold their smsIds', async () => {
		const tag = `Agent ${agent.version}${agent.streaming ? ' streaming' : ''}`;
		const sends = [
			{ phoneNumbers: '+33612345601', message: `${tag}: Alice, your table is booked for 20:00` },
			{ phoneNumbers: '+33612345602', message: `${tag}: Bob, your table is booked for 20:00` },
		];
		const finalText = `${tag}: both confirmations are sent.`;
		model.script(
			toolCallsThenText(
				sends.map((send) => ({ name: 'Send_SMS', arguments: send })),
				finalText,
			),
		);
		const before = mark();
		const modelCallsBefore = model.requests.length;

		const { status, answer, body } = await timed(
			`${tag}: webhook → agent → 2 tool calls → answer`,
			() =>
				runAgent(
					agent,
					'Confirm the table bookings of Alice (+33612345601) and Bob (+33612345602) by SMS.',
				),
		);

		// Each SMS, and each tool result matched to the call it answers (the agent may run the two
		// calls in either order): the result of the send to Alice must give Alice's smsId.
		const byPhone = (a: { phoneNumber: string }, b: { phoneNumber: string }) =>
			a.phoneNumber.localeCompare(b.phoneNumber);
		const sent = smsSince(before);
		const smsIdFor = (send: (typeof sends)[number]) =>
			sent.find((sms) => sms.message === send.message)?.smsId ??
			`<the smsId of the SMS to ${send.phoneNumbers} in the sandbox>`;
		const calledFor = (toolCallId: string) =>
			String(
				model.toolCallsMade.find((call) => call.id === toolCallId)?.arguments.phoneNumbers ??
					`<unknown tool call ${toolCallId}>`,
			);
		const modelCalls = model.requests.slice(modelCallsBefore);
		explained(before, () =>
			expect({
				smsInSandbox: sent.map(smsView).sort(byPhone),
				modelCalls: modelCalls.map((request) => ({
					stream: request.stream === true,
					toolResults: toolResults(request)
						.map((result) => ({ phoneNumber: calledFor(result.toolCallId), text: result.text }))
						.sort(byPhone),
				})),
				agentAnswer: { status, answer: status === 200 ? answer : body.slice(0, 500) },
				costChecks: methodsSince(before).filter((method) => method === 'getInfo').length,
			}).toEqual({
				smsInSandbox: sends.map((send) => ({
					phoneNumber: send.phoneNumbers.replace('+', ''),
					message: send.message,
				})),
				modelCalls: [
					{ stream: agent.streaming, toolResults: [] },
					{
						stream: agent.streaming,
						toolResults: sends.map((send) => ({
							phoneNumber: send.phoneNumbers,
							text: expect.stringContaining(smsIdFor(send)),
						})),
					},
				],
				agentAnswer: { status: 200, answer: expect.stringContaining(finalText) },
				// Each call is its own run of the node: each checks its cost (BUDGET) before sending.
				costChecks: 2,
			}),
		);
		// The model was offered Send_SMS with the two $fromAI parameters.
		expect(modelCalls[0]?.tools?.map((tool) => tool.function.name)).toEqual(['Send_SMS']);
		expect(
			Object.keys(
				(modelCalls[0]?.tools?.[0]?.function.parameters as { properties?: object } | undefined)
					?.properties ?? {},
			).sort(),
		).toEqual(['message', 'phoneNumbers']);
	});
});
