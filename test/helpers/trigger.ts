import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	ExecutionLifecycleHooks,
	HookContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { nodeTypes, NODE_TYPES, testAdditionalData } from './n8n';
import type { AllMySmsCredentials } from './n8n';

/**
 * The AllMySMS triggers inside n8n's engine, with what n8n's CLI does around them stood in for:
 * a small HTTP server plays n8n's webhook endpoints (`/webhook/<id>/<path>` and
 * `/webhook-test/<id>/<path>`), builds the node's real `WebhookContext` (n8n-core) for each
 * call, and starts a real run (`WorkflowExecute`) with what the node emitted, as
 * `WebhookService`/`executeWebhook` do. Activation and deactivation call the node's
 * `webhookMethods` in a real `HookContext`, in the order `ActiveWorkflowManager` uses
 * (checkExists, then create when it answers false; delete), the webhook being routable from
 * before create (n8n stores it first) until after delete.
 */

const TRIGGER_TYPE = 'n8n-nodes-allmysms.allMySmsTrigger';
const POLLING_TRIGGER_TYPE = 'n8n-nodes-allmysms.allMySmsPollingTrigger';

/** One call that reached the fake n8n, with what the trigger answered and started. */
export interface WebhookHit {
	method: string;
	/** Path and query string, as called. */
	url: string;
	test: boolean;
	status: number;
	contentType: string;
	body: string;
	/** Items of the run the call started; undefined when it started none. */
	items?: INodeExecutionData[];
	run?: IRun;
	error?: Error;
}

export interface TriggerHarness {
	/** The fake n8n's base URL (http://127.0.0.1:PORT). */
	url: string;
	workflow: Workflow;
	node: INode;
	hits: WebhookHit[];
	waitingCalls: WaitingCall[];
	/** n8n's URL for the node: production, or the test URL used while listening for a test event. */
	webhookUrl(test?: boolean): string;
	/** Publishes the workflow: checkExists, then create when it says false. Returns whether create ran. */
	activate(): Promise<boolean>;
	/** Unpublishes it: delete, then the webhook stops answering. */
	deactivate(): Promise<void>;
	/** "Listen for test event": a test workflow registers the test URL until its first run, then deletes it. */
	listen(): Promise<void>;
	/** Runs one lifecycle method in a HookContext, as n8n's WebhookService does. */
	hook(
		method: 'checkExists' | 'create' | 'delete',
		options?: { test?: boolean },
	): Promise<boolean | undefined>;
	/** GET (or POST) to the webhook URL with these query parameters; waits until the run (if any) ended. */
	call(
		query: Record<string, string> | string,
		options?: { test?: boolean; method?: 'GET' | 'POST'; form?: Record<string, string> },
	): Promise<WebhookHit>;
	/** Waits for every call in progress (pushes from the sandbox arrive on their own). */
	settled(): Promise<void>;
	/** The node's static data in the production workflow. */
	staticData(): IDataObject;
	close(): Promise<void>;
}

export interface TriggerOptions {
	credentials: AllMySmsCredentials;
	parameters: INodeParameters;
	/**
	 * n8n's waiting webhooks (`/webhook-waiting/...`), which a reply to a Send and Wait question
	 * is forwarded to: what they answer. Calls are kept in `waitingCalls`. Unset: 404.
	 */
	waiting?: (call: WaitingCall) => { status: number; body: unknown };
}

/** A call the trigger made to n8n's waiting webhook of an execution. */
export interface WaitingCall {
	path: string;
	query: Record<string, string>;
	body: Record<string, unknown>;
}

function workflowBase(workflow: Workflow): IWorkflowBase {
	return {
		id: workflow.id,
		name: workflow.name,
		active: true,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: Object.values(workflow.nodes),
		connections: {},
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

function newWorkflow(id: string, node: INode): Workflow {
	return new Workflow({
		id,
		name: 'AllMySMS trigger test',
		nodes: [{ ...node }],
		connections: {},
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
}

/** What n8n's executeWebhook does with a node's webhook result: a run starting at the trigger. */
async function runFromTrigger(
	workflow: Workflow,
	node: INode,
	workflowData: INodeExecutionData[][],
	mode: WorkflowExecuteMode,
	additionalData: IWorkflowExecuteAdditionalData,
): Promise<IRun> {
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowBase(workflow));
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode(node.name) as INode, data: { main: workflowData }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(
		{ ...additionalData, hooks, executionId } as IWorkflowExecuteAdditionalData,
		mode,
		runExecutionData,
	);
	await execution.processRunExecutionData(workflow);
	return await finished;
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

/** Express's query object: one string per name, an array for a repeated name. */
function expressQuery(search: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [name, value] of new URLSearchParams(search)) {
		const existing = query[name];
		query[name] =
			existing === undefined
				? value
				: Array.isArray(existing)
					? [...existing, value]
					: [existing, value];
	}
	return query;
}

export async function startTrigger(options: TriggerOptions): Promise<TriggerHarness> {
	const nodeType = NODE_TYPES[TRIGGER_TYPE];
	const node: INode = {
		id: randomUUID(),
		name: 'AllMySMS Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: options.parameters,
		credentials: { allMySmsApi: { id: '1', name: 'AllMySMS test account' } },
	};
	const workflowId = randomUUID();
	const workflow = newWorkflow(workflowId, node);
	let testWorkflow: Workflow | undefined;
	const registered = { live: false, test: false };
	const hits: WebhookHit[] = [];
	const inFlight = new Set<Promise<void>>();

	let base = '';
	const urls = () => ({
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
	});
	const hookData = () => testAdditionalData(options.credentials, urls());

	const hook = async (method: 'checkExists' | 'create' | 'delete', { test = false } = {}) => {
		const target = test ? testWorkflow : workflow;
		if (!target) throw new Error('not listening for a test event');
		const additionalData = hookData();
		const description = nodeType.description.webhooks?.find(
			(webhook) => webhook.name === 'default',
		);
		const webhookData = {
			httpMethod: 'GET',
			node: node.name,
			path: 'allmysms',
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
			isTest: test,
		} as IWebhookData;
		const context = new HookContext(
			target,
			target.getNode(node.name) as INode,
			additionalData,
			test ? 'manual' : 'trigger',
			test ? 'manual' : 'activate',
			webhookData,
		);
		const fn = nodeType.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`no webhook method ${method}`);
		return await fn.call(context);
	};

	const waitingCalls: WaitingCall[] = [];
	const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const url = new URL(request.url ?? '/', base);
		if (url.pathname.startsWith('/webhook-waiting/')) {
			const call: WaitingCall = {
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				body: JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>,
			};
			waitingCalls.push(call);
			const answer = options.waiting?.(call) ?? { status: 404, body: { code: 404 } };
			response.writeHead(answer.status, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify(answer.body));
			return;
		}
		const match = /^\/(webhook|webhook-test)\/([^/]+)\/allmysms\/?$/.exec(url.pathname);
		const test = match?.[1] === 'webhook-test';
		const method = (request.method ?? 'GET').toUpperCase();
		const description = nodeType.description.webhooks?.find(
			(webhook) => webhook.httpMethod === method,
		);
		const target = test ? testWorkflow : workflow;
		const body = await readBody(request);
		const hit: WebhookHit = {
			method,
			url: `${url.pathname}${url.search}`,
			test,
			status: 0,
			contentType: '',
			body: '',
			items: undefined,
			run: undefined,
		};
		hits.push(hit);
		const finish = () => {
			hit.status = response.statusCode;
			hit.contentType = String(response.getHeader('content-type') ?? '');
		};
		if (
			!match ||
			match[2] !== node.webhookId ||
			!registered[test ? 'test' : 'live'] ||
			!description ||
			!target
		) {
			response.writeHead(404, { 'Content-Type': 'application/json' });
			response.end(
				JSON.stringify({
					code: 404,
					message: `The requested webhook "${method} ${url.pathname}" is not registered.`,
				}),
			);
			hit.body = 'not registered';
			return finish();
		}
		const form = (request.headers['content-type'] ?? '').startsWith(
			'application/x-www-form-urlencoded',
		)
			? Object.fromEntries(new URLSearchParams(body))
			: {};
		const written: Buffer[] = [];
		const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
		response.end = ((chunk?: unknown) => {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) written.push(Buffer.from(chunk));
			return end(chunk);
		}) as typeof response.end;
		const httpRequest = {
			method,
			url: request.url,
			headers: request.headers,
			query: expressQuery(url.search),
			body: form,
			params: {},
		};
		const mode: WorkflowExecuteMode = test ? 'manual' : 'webhook';
		const additionalData = testAdditionalData(options.credentials, {
			...urls(),
			httpRequest,
			httpResponse: response,
		} as Partial<IWorkflowExecuteAdditionalData>);
		const webhookData = {
			httpMethod: method as IHttpRequestMethods,
			node: node.name,
			path: 'allmysms',
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
			isTest: test,
		} as IWebhookData;
		let result: IWebhookResponseData;
		try {
			const context = new WebhookContext(
				target,
				target.getNode(node.name) as INode,
				additionalData,
				mode,
				webhookData,
				[],
				null,
			);
			result = await (
				nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>
			).call(context);
		} catch (error) {
			hit.error = error as Error;
			if (!response.headersSent) {
				response.writeHead(500, { 'Content-Type': 'application/json' });
				response.end(JSON.stringify({ code: 0, message: 'Error in workflow' }));
			}
			hit.body = Buffer.concat(written).toString('utf8');
			return finish();
		}
		// n8n answers for the node unless it said it answered itself.
		if (!result.noWebhookResponse && !response.writableEnded) {
			const data = result.webhookResponse ?? {
				message: result.workflowData ? 'Workflow was started' : 'Webhook call received',
			};
			response.writeHead(200, {
				'Content-Type':
					typeof data === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
			});
			response.end(typeof data === 'string' ? data : JSON.stringify(data));
		}
		hit.body = Buffer.concat(written).toString('utf8');
		finish();
		if (result.workflowData) {
			hit.run = await runFromTrigger(target, node, result.workflowData, mode, additionalData);
			hit.items = hit.run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
			// A test webhook serves one run, then n8n removes it (TestWebhooks).
			if (test) {
				await hook('delete', { test: true });
				registered.test = false;
				testWorkflow = undefined;
			}
		}
	};

	const server = createServer((request, response) => {
		const done = handle(request, response).catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500).end(String(error));
		});
		inFlight.add(done);
		void done.finally(() => inFlight.delete(done));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const settled = async () => {
		while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
	};

	const webhookUrl = (test = false) =>
		`${base}/${test ? 'webhook-test' : 'webhook'}/${node.webhookId}/allmysms`;

	return {
		url: base,
		workflow,
		node,
		hits,
		waitingCalls,
		webhookUrl,
		hook,
		async activate() {
			registered.live = true;
			if (await hook('checkExists')) return false;
			await hook('create');
			return true;
		},
		async deactivate() {
			await settled();
			try {
				await hook('delete');
			} finally {
				registered.live = false;
			}
		},
		async listen() {
			testWorkflow = newWorkflow(workflowId, node);
			registered.test = true;
			if (!(await hook('checkExists', { test: true }))) await hook('create', { test: true });
		},
		async call(query, { test = false, method = 'GET', form } = {}) {
			const search = typeof query === 'string' ? query : new URLSearchParams(query).toString();
			const count = hits.length;
			await fetch(`${webhookUrl(test)}${search ? `?${search}` : ''}`, {
				method,
				...(form
					? {
							body: new URLSearchParams(form),
							headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
						}
					: {}),
			});
			await settled();
			return hits[count];
		},
		settled,
		staticData: () => workflow.getStaticData('node', workflow.getNode(node.name) as INode),
		close: async () => {
			await settled();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

/**
 * One poll of the AllMySMS Polling Trigger. `trigger` mode: what n8n's poll job does when the
 * workflow is active (a PollContext, then `poll`). `manual` mode: "Fetch Test Event", a manual
 * run starting at the trigger (WorkflowExecute calls `poll` itself).
 */
export async function pollOnce(options: {
	credentials: AllMySmsCredentials;
	mode: 'trigger' | 'manual';
}): Promise<{ items: INodeExecutionData[] | null; error?: Error }> {
	const node: INode = {
		id: randomUUID(),
		name: 'AllMySMS Polling Trigger',
		type: POLLING_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { allMySmsApi: { id: '1', name: 'AllMySMS test account' } },
	};
	const workflow = newWorkflow(randomUUID(), node);
	const nodeType = NODE_TYPES[POLLING_TRIGGER_TYPE];
	if (options.mode === 'trigger') {
		const context = new PollContext(
			workflow,
			node,
			testAdditionalData(options.credentials),
			'trigger',
			'activate',
		);
		try {
			const result = await (
				nodeType.poll as (this: PollContext) => Promise<INodeExecutionData[][] | null>
			).call(context);
			return { items: result === null ? null : result[0] };
		} catch (error) {
			return { items: null, error: error as Error };
		}
	}
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowBase(workflow));
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const execution = new WorkflowExecute(
		testAdditionalData(options.credentials, { hooks, executionId }),
		'manual',
	);
	await execution.run({ workflow, startNode: workflow.getNode(node.name) as INode });
	const run = await finished;
	const nodeRun = run.data.resultData.runData[node.name]?.[0];
	return {
		items: nodeRun?.data?.main?.[0] ?? null,
		error: (run.data.resultData.error ?? nodeRun?.error) as Error | undefined,
	};
}
