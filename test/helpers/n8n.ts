import { randomUUID } from 'node:crypto';

import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import {
	createEmptyRunExecutionData,
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { AllMySmsApi } from '../../credentials/AllMySmsApi.credentials';
import { AllMySms } from '../../nodes/AllMySms/AllMySms.node';
import { AllMySmsPollingTrigger } from '../../nodes/AllMySmsPollingTrigger/AllMySmsPollingTrigger.node';
import { AllMySmsTrigger } from '../../nodes/AllMySmsTrigger/AllMySmsTrigger.node';

/**
 * Runs workflows through n8n's own engine (n8n-core's WorkflowExecute, n8n-workflow's
 * Workflow): declarative routing, custom operations, expressions and "continue on fail" are
 * n8n's. Only what n8n's CLI would provide around the engine is stood in for here: the node
 * types registry, the credential store and its `authenticate` dispatch.
 */

/** A source node that outputs the items it is given, like a Code node returning fixed data. */
class TestItems implements INodeType {
	description = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[]' } as INodeProperties,
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

/**
 * n8n's Loop Over Items (SplitInBatches v3) as far as a test needs it: the first run hands out
 * the first batch on "loop", each later run (the items coming back) the next one, and "done"
 * gets everything once no batch is left. Its state lives in the execution's node context.
 */
class TestLoop implements INodeType {
	description = {
		displayName: 'Test Loop',
		name: 'testLoop',
		group: ['transform'],
		version: 1,
		description: 'Loops over its input items in batches',
		defaults: { name: 'Loop' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['done', 'loop'],
		properties: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: 1,
			} as INodeProperties,
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const state = this.getContext('node') as {
			remaining?: IDataObject[];
			processed?: IDataObject[];
		};
		const batchSize = this.getNodeParameter('batchSize', 0) as number;
		const input = this.getInputData().map((item) => item.json);
		if (state.remaining === undefined) {
			state.remaining = input.slice(batchSize);
			state.processed = [];
			return [[], input.slice(0, batchSize).map((json) => ({ json }))];
		}
		state.processed = [...(state.processed ?? []), ...input];
		if (state.remaining.length === 0) return [state.processed.map((json) => ({ json })), []];
		const next = state.remaining.slice(0, batchSize);
		state.remaining = state.remaining.slice(batchSize);
		return [[], next.map((json) => ({ json }))];
	}
}

/** The node types the test workflows can use (the package's, and the test source node). */
export const NODE_TYPES: Record<string, INodeType> = {
	'n8n-nodes-allmysms.allMySms': new AllMySms(),
	'n8n-nodes-allmysms.allMySmsTrigger': new AllMySmsTrigger(),
	'n8n-nodes-allmysms.allMySmsPollingTrigger': new AllMySmsPollingTrigger(),
	'test.items': new TestItems(),
	'test.loop': new TestLoop(),
};

const CREDENTIAL_TYPES: Record<string, ICredentialType> = { allMySmsApi: new AllMySmsApi() };

export const nodeTypes: INodeTypes = {
	getByName: (type: string): INodeType | IVersionedNodeType => NODE_TYPES[type],
	getByNameAndVersion: (type: string, version?: number): INodeType =>
		NodeHelpers.getVersionedNodeType(NODE_TYPES[type], version),
	getKnownTypes: () => ({}),
};

/** What n8n's CLI CredentialsHelper does for our credential: decrypted data and `authenticate`. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = CREDENTIAL_TYPES[typeName];
		if (typeof authenticate !== 'function')
			throw new Error(`${typeName} has no authenticate function`);
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type].properties;
	}
}

export interface AllMySmsCredentials {
	login: string;
	apiKey: string;
	subAccount?: string;
	baseUrl: string;
}

/** What n8n's CLI hands the engine: URLs, the credential store, and stubs for what tests do not use. */
export function testAdditionalData(
	credentials: AllMySmsCredentials,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper({ allMySmsApi: { ...credentials } }),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	/** Items on the AllMySMS node's output. */
	items: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string | null; context?: IDataObject; httpCode?: string | null };
	run: IRun;
}

export interface RunNodeOptions {
	credentials: AllMySmsCredentials;
	parameters: INodeParameters;
	/** Items fed to the node (one empty item by default). */
	input?: IDataObject[];
	continueOnFail?: boolean;
	timezone?: string;
}

/** Runs "Items → AllMySMS" and returns what the AllMySMS node produced. */
export async function runAllMySmsNode(options: RunNodeOptions): Promise<NodeRun> {
	const { items, error, run } = await runAllMySmsChain({
		credentials: options.credentials,
		input: options.input,
		timezone: options.timezone,
		steps: [
			{ name: 'AllMySMS', parameters: options.parameters, continueOnFail: options.continueOnFail },
		],
	});
	return { items: items.AllMySMS, error, run };
}

/** Runs one of the node's `loadOptions` methods the way n8n's editor does to fill a dropdown. */
export async function loadOptions(
	credentials: AllMySmsCredentials,
	method: string,
	parameters: INodeParameters = {},
) {
	const node: INode = {
		id: randomUUID(),
		name: 'AllMySMS',
		type: 'n8n-nodes-allmysms.allMySms',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { allMySmsApi: { id: '1', name: 'AllMySMS test account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	// n8n's editor hands the node's current parameters along (LoadOptionsService: currentNodeParameters).
	const context = new LoadOptionsContext(
		workflow,
		node,
		testAdditionalData(credentials, { currentNodeParameters: parameters }),
		'parameters',
	);
	const type = NODE_TYPES['n8n-nodes-allmysms.allMySms'];
	const loader = type.methods?.loadOptions?.[method];
	if (!loader) throw new Error(`No loadOptions method ${method}`);
	return await loader.call(context);
}

export interface ChainStep {
	/** Node name, for expressions such as $('Create List'). */
	name: string;
	parameters: INodeParameters;
	/** Node type, when the step is not an AllMySMS node (a type registered in NODE_TYPES). */
	type?: string;
	/** n8n's "Execute Once" node setting: the node runs with the first input item only. */
	executeOnce?: boolean;
	continueOnFail?: boolean;
	/** n8n's "Retry On Fail" node setting, with its Max. Tries (2-5) and Wait Between Tries (0-5000 ms). */
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface ChainRun {
	/** Output items of each AllMySMS node, by node name. */
	items: Record<string, INodeExecutionData[]>;
	error?: NodeRun['error'];
	run: IRun;
	/** What `retryChainRun` needs to retry this execution the way n8n does. */
	retry: {
		workflow: Workflow;
		workflowData: IWorkflowBase;
		credentials: AllMySmsCredentials;
		steps: ChainStep[];
		executionId: string;
	};
}

/**
 * Runs ONE workflow "Items → step 1 → step 2 → …" (every step an AllMySMS node) through n8n's
 * engine. `afterNode` is called as each node finishes, before the next one starts (n8n's
 * `nodeExecuteAfter` hook), to look at the sandbox between steps.
 */
export async function runAllMySmsChain(options: {
	credentials: AllMySmsCredentials;
	input?: IDataObject[];
	steps: ChainStep[];
	afterNode?: (nodeName: string, items: INodeExecutionData[]) => void | Promise<void>;
	timezone?: string;
	/** Runs the steps inside a Loop Over Items of this batch size: Items → Loop → steps → Loop. */
	loopBatchSize?: number;
	/** Runs the workflow as a sub-execution of this parent (what n8n's Execute Workflow does). */
	parentExecutionId?: string;
}): Promise<ChainRun> {
	const source: INode = {
		id: randomUUID(),
		name: 'Items',
		type: 'test.items',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.input ?? [{}]) },
	};
	const nodes: INode[] = [
		source,
		...options.steps.map(
			(step, index): INode => ({
				id: randomUUID(),
				name: step.name,
				type: step.type ?? 'n8n-nodes-allmysms.allMySms',
				typeVersion: 1,
				position: [200 * (index + 1), 0],
				parameters: step.parameters,
				credentials: { allMySmsApi: { id: '1', name: 'AllMySMS test account' } },
				executeOnce: step.executeOnce,
				continueOnFail: step.continueOnFail,
				retryOnFail: step.retryOnFail,
				maxTries: step.maxTries,
				waitBetweenTries: step.waitBetweenTries,
			}),
		),
	];
	const connections: IWorkflowBase['connections'] = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = {
			main: [[{ node: nodes[index + 1].name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	});
	if (options.loopBatchSize !== undefined) {
		const loop: INode = {
			id: randomUUID(),
			name: 'Loop',
			type: 'test.loop',
			typeVersion: 1,
			position: [100, 200],
			parameters: { batchSize: options.loopBatchSize },
		};
		const first = nodes[1].name;
		const last = nodes[nodes.length - 1].name;
		nodes.push(loop);
		connections[source.name] = {
			main: [[{ node: loop.name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
		connections[loop.name] = {
			main: [[], [{ node: first, type: NodeConnectionTypes.Main, index: 0 }]],
		};
		connections[last] = { main: [[{ node: loop.name, type: NodeConnectionTypes.Main, index: 0 }]] };
	}
	const workflowData = {
		id: randomUUID(),
		name: 'AllMySMS chain test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings: { timezone: options.timezone ?? 'Europe/Paris', executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
	});
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	hooks.addHandler('nodeExecuteAfter', async (nodeName, taskData) => {
		if (nodeName !== source.name)
			await options.afterNode?.(nodeName, taskData.data?.main?.[0] ?? []);
	});
	if (options.parentExecutionId !== undefined) {
		const data = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: source, data: { main: [[{ json: {} }]] }, source: null }],
			},
			parentExecution: { executionId: options.parentExecutionId, workflowId: 'parent-workflow' },
		});
		const subExecution = new WorkflowExecute(
			testAdditionalData(options.credentials, { hooks, executionId }),
			'integrated',
			data,
		);
		await subExecution.processRunExecutionData(workflow);
	} else {
		const execution = new WorkflowExecute(
			testAdditionalData(options.credentials, { hooks, executionId }),
			'manual',
		);
		await execution.run({ workflow, startNode: source });
	}
	const run = await finished;
	return collectChainRun(run, options.steps, {
		workflow,
		workflowData,
		credentials: options.credentials,
		steps: options.steps,
		executionId,
	});
}

function collectChainRun(run: IRun, steps: ChainStep[], retry: ChainRun['retry']): ChainRun {
	const items: Record<string, INodeExecutionData[]> = {};
	let error = run.data.resultData.error;
	for (const step of steps) {
		const runs = run.data.resultData.runData[step.name] ?? [];
		const stepRun = runs[runs.length - 1];
		items[step.name] = stepRun?.data?.main?.[0] ?? [];
		error ??= stepRun?.error;
	}
	return { items, error: error as NodeRun['error'], run, retry };
}

/**
 * n8n's Retry of a failed execution (editor or REST), as n8n's ExecutionService.retry and
 * WorkflowRunner do it: the failed execution's data as saved (a JSON round trip, like the
 * database), its error removed and the failed node's last run dropped, run again by
 * WorkflowExecute in mode "retry" under a NEW execution id from where it stopped.
 */
export async function retryChainRun(failed: ChainRun): Promise<ChainRun> {
	const { workflow, workflowData, credentials, steps } = failed.retry;
	const data = JSON.parse(JSON.stringify(failed.run.data)) as IRun['data'];
	const { lastNodeExecuted } = data.resultData;
	if (lastNodeExecuted) {
		delete data.resultData.error;
		const nodeRunData = data.resultData.runData?.[lastNodeExecuted];
		if (
			nodeRunData &&
			nodeRunData.length > 0 &&
			nodeRunData[nodeRunData.length - 1].error !== undefined
		)
			nodeRunData.pop();
	}
	const executionId = randomUUID();
	const hooks = new ExecutionLifecycleHooks(
		'retry',
		executionId,
		workflowData,
		failed.retry.executionId,
	);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const execution = new WorkflowExecute(
		testAdditionalData(credentials, { hooks, executionId }),
		'retry',
		data,
	);
	await execution.processRunExecutionData(workflow);
	const run = await finished;
	return collectChainRun(run, steps, { workflow, workflowData, credentials, steps, executionId });
}

/**
 * The credential's own test, run the way n8n's CLI runs a declarative `test` (its
 * CredentialsTester): the request as the routing of a throw-away node, through n8n-core's
 * RoutingNode (so through `authenticate` and httpRequest), then the rules: the first
 * `responseSuccessBody` rule whose key holds its value fails the test with its message.
 */
export async function runCredentialTest(
	credentials: AllMySmsCredentials,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const { test } = CREDENTIAL_TYPES.allMySmsApi;
	if (!test) throw new Error('allMySmsApi has no test');
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: 'allMySmsApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { allMySmsApi: { id: '1', name: 'AllMySMS' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			...nodeTypes,
			getByNameAndVersion: () => testNodeType,
			getByName: () => testNodeType,
		},
	});
	const context = new ExecuteContext(
		workflow,
		node,
		testAdditionalData(credentials),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: '1', name: 'AllMySMS', type: 'allMySmsApi', data: { ...credentials } };
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, testNodeType, decrypted).runNode();
	} catch (error) {
		const cause = (
			error as { cause?: { code?: string; response?: { status: number; statusText?: string } } }
		).cause;
		if (cause?.response)
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		return { status: 'Error', message: cause?.code ?? (error as Error).message };
	}
	const json = response?.[0]?.[0]?.json ?? {};
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>((data, key) => (data as IDataObject | undefined)?.[key], json);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
