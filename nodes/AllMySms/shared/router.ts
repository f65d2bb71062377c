import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { answerItems } from './answers';
import { isApiMethodName } from './apiMethods';
import { ItemInput } from './operation';
import type { ItemOperation, Operation } from './operation';
import { isNodeError, Outcome } from './outcome';
import { retryKindOf, retrySettings } from './retries';
import { isToolCall, toolError, toolSendResult } from './toolMode';
import { callApi } from './transport';

/**
 * The node's one road: `execute` of the AllMySMS node. n8n calls it in every mode (a workflow,
 * an execution Retry, a tool of the AI Agent, a tool served by the MCP Server Trigger), so every
 * operation runs here and nowhere else (docs/architecture.md). Each request goes through
 * `callApi` (transport.ts): one retry and timeout engine, one error builder, one answer reader.
 */
export async function runOperation(
	this: IExecuteFunctions,
	operations: Record<string, Operation>,
): Promise<INodeExecutionData[][]> {
	const name = String(this.getNodeParameter('operation', 0));
	if (!Object.hasOwn(operations, name))
		throw new NodeOperationError(this.getNode(), `Unknown AllMySMS operation "${name}"`);
	const operation = operations[name];
	let output: INodeExecutionData[][];
	try {
		output =
			'run' in operation ? await operation.run.call(this) : [await runPerItem(this, operation)];
	} catch (error) {
		throw toolError(this, error);
	}
	const sends = isApiMethodName(name) && retryKindOf(name) === 'send';
	return sends && isToolCall(this) ? output.map(toolSendResult) : output;
}

/** One request per input item (Return All: one per page), the answer turned into that item's outputs. */
async function runPerItem(
	context: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const outcome = new Outcome(context);
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const input = new ItemInput(context, itemIndex, node);
		try {
			const call = (await operation.request?.(input)) ?? {};
			const ask = async (extra: IDataObject = {}) =>
				await callApi.call(context, operation.method, {
					params: { ...call.params, ...extra },
					flow: call.flow,
					format: input.option('requestFormat') === 'xml' ? 'xml' : 'json',
					itemIndex,
					retry: retrySettings(input.value<IDataObject>('options', {})),
				});
			let outputs: INodeExecutionData[];
			if (operation.allPages && input.value('returnAll', false) === true) {
				const entries = await operation.allPages(
					async (params) => answerItems(operation.method, await ask(params)),
					input,
				);
				outputs = entries.map((json) => ({ json }));
			} else {
				const answer = await ask();
				outputs = operation.output
					? await operation.output(answer, input)
					: answerItems(operation.method, answer).map((json) => ({ json }));
			}
			for (const output of outputs) outcome.addItem(itemIndex, output);
		} catch (error) {
			outcome.reject(
				itemIndex,
				isNodeError(error)
					? error
					: new NodeOperationError(
							node,
							error instanceof Error ? error : new Error(String(error)),
							{ itemIndex },
						),
			);
		}
	}
	return outcome.items();
}
