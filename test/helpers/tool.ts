import { randomUUID } from 'node:crypto';

import { RoutingNode, SupplyDataContext } from 'n8n-core';
// makeHandleToolInvocation is what n8n's MCP Server Trigger and AI Agent 1.x/2.x use to run a
// tool node; n8n-core does not re-export it from its entry point.
import { makeHandleToolInvocation } from 'n8n-core/dist/execution-engine/node-execution-context/utils/get-input-connection-data';
import { createEmptyRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeParameters,
	INodeType,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { NODE_TYPES, nodeTypes, testAdditionalData } from './n8n';
import type { AllMySmsCredentials } from './n8n';

/**
 * The AllMySMS node as a tool, run the way n8n's MCP Server Trigger and AI Agent 1.x/2.x run it:
 * n8n-core's `makeHandleToolInvocation` calls the node type's `execute` in a supply-data
 * context, with the model's arguments as the input item and `$fromAI()` resolved from them.
 */
export interface ToolNode {
	/** One tool call: the JSON text handed to the model, or the error the model is told. */
	call(args: IDataObject): Promise<string>;
	runExecutionData: IRunExecutionData;
}

export function allMySmsTool(options: {
	credentials: AllMySmsCredentials;
	parameters: INodeParameters;
	/** n8n's Retry On Fail on the tool node (its Max. Tries). */
	retryOnFail?: { maxTries: number };
	executionId?: string;
}): ToolNode {
	const node: INode = {
		id: randomUUID(),
		name: 'AllMySMS',
		type: 'n8n-nodes-allmysms.allMySms',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { allMySmsApi: { id: '1', name: 'AllMySMS test account' } },
		...(options.retryOnFail
			? { retryOnFail: true, maxTries: options.retryOnFail.maxTries, waitBetweenTries: 0 }
			: {}),
	};
	const agent: INode = {
		id: randomUUID(),
		name: 'Agent',
		type: 'test.items',
		typeVersion: 1,
		position: [200, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		id: randomUUID(),
		name: 'AllMySMS tool test',
		nodes: [node, agent],
		connections: {
			[node.name]: {
				[NodeConnectionTypes.AiTool]: [
					[{ node: agent.name, type: NodeConnectionTypes.AiTool, index: 0 }],
				],
			},
		},
		active: false,
		nodeTypes,
		settings: { timezone: 'Europe/Paris' },
	});
	const runExecutionData = createEmptyRunExecutionData();
	const additionalData: IWorkflowExecuteAdditionalData = {
		...testAdditionalData(options.credentials),
		executionId: options.executionId ?? String(Math.floor(Math.random() * 1e6)),
	} as IWorkflowExecuteAdditionalData;
	const nodeType = asN8nLoadsIt(NODE_TYPES[node.type]);
	const executeData = { node: agent, data: { main: [[{ json: {} }]] }, source: null };
	const handle = makeHandleToolInvocation(
		(runIndex) =>
			new SupplyDataContext(
				workflow,
				node,
				additionalData,
				'internal',
				runExecutionData,
				runIndex,
				[{ json: {} }],
				{ main: [[{ json: {} }]] },
				NodeConnectionTypes.AiTool,
				executeData,
				[],
				undefined,
				agent,
			),
		node,
		nodeType,
		runExecutionData,
	);
	return { call: async (args) => await handle(args), runExecutionData };
}

/**
 * What n8n's NodeTypes does to a node type it loads (cli `node-types.js`): a declarative node
 * (`requestDefaults`) without `execute` gets one that runs its routing, and nothing else.
 */
function asN8nLoadsIt(nodeType: INodeType): INodeType {
	if (nodeType.execute || nodeType.description.requestDefaults === undefined) return nodeType;
	return Object.assign(Object.create(nodeType) as INodeType, {
		async execute(this: IExecuteFunctions) {
			return (
				(await new RoutingNode(
					this as unknown as ConstructorParameters<typeof RoutingNode>[0],
					nodeType,
				).runNode()) ?? []
			);
		},
	});
}

/** `={{ $fromAI('name', 'what the model should give') }}`, as n8n's editor writes it. */
export const fromAi = (name: string, description = '', type = 'string'): string =>
	`={{ $fromAI('${name}', '${description}', '${type}') }}`;
