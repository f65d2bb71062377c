import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { isNodeError } from './outcome';

/**
 * The node run as a tool of an AI agent or of the MCP Server Trigger.
 *
 * n8n runs a tool in two ways (docs/architecture.md): the MCP Server Trigger and the AI Agent
 * 1.x/2.x call `execute` in a supply-data context, whose `isToolExecution()` is true, with the
 * model's arguments as the one input item; the AI Agent 3.x hands the call to the workflow
 * engine, which runs the node as usual with `rewireOutputLogTo: ai_tool` on it.
 */
export function isToolCall(context: IExecuteFunctions): boolean {
	try {
		if (context.isToolExecution?.() === true) return true;
	} catch {
		// Older n8n: no isToolExecution on this context.
	}
	const node = context.getNode() as INode & { rewireOutputLogTo?: string };
	return node.rewireOutputLogTo === NodeConnectionTypes.AiTool;
}

/**
 * What tells one tool call from another: the arguments the model gave, as stable text. n8n's own
 * retry of a failed tool call runs the node again with a new run index but the same arguments,
 * so sends derive their identifiers from these (idempotency.ts): the retry finds the original result.
 */
export function toolCallArguments(context: IExecuteFunctions): string {
	return stableJson(context.getInputData()[0]?.json ?? {});
}

function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${stableJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A send's answer carries the account's remaining credits and balance and the send's cost: a
 * workflow may use them, a model has no business with them (and may repeat them to whoever it
 * talks to). A tool call's send result keeps what the send did: statuses, campaign, smsIds.
 */
const ACCOUNT_FIGURES = ['credits', 'creditsUsed', 'balance', 'cost'];

export function toolSendResult(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => {
		const json = { ...item.json };
		for (const field of ACCOUNT_FIGURES) delete json[field];
		return { ...item, json };
	});
}

const INVALID_FIELD = /^Invalid "([^"]+)" in item \d+: /;
const ITEM_NUMBER = / (?:in|for) item \d+\b/g;

/**
 * A model has no items: "item 0" means nothing to it, and it filled arguments, not fields. In a
 * tool call, an error says no item number, and a bad-input error names the argument the field
 * takes (`$fromAI('phoneNumbers')`). Elsewhere the error is left as it is.
 */
export function toolError(context: IExecuteFunctions, error: unknown): unknown {
	if (!isNodeError(error) || !isToolCall(context)) return error;
	const invalid = INVALID_FIELD.exec(error.message);
	if (invalid) {
		const label = invalid[1];
		const argument = fromAiArgumentOf(context.getNode().parameters, label);
		error.message = error.message.replace(
			INVALID_FIELD,
			`Invalid "${label}"${argument ? ` (the ${argument} argument)` : ''}: `,
		);
	}
	error.message = error.message.replace(ITEM_NUMBER, '');
	if (error.description) error.description = error.description.replace(ITEM_NUMBER, '');
	return error;
}

/** The `$fromAI` key of the parameter a label names, when the workflow filled it that way. */
function fromAiArgumentOf(parameters: INodeParameters, label: string): string | undefined {
	const wanted = label.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
	let found: string | undefined;
	const visit = (value: unknown, name: string) => {
		if (found) return;
		if (typeof value === 'string') {
			const key = /\$fromAI\(\s*['"`]([^'"`]+)['"`]/.exec(value)?.[1];
			if (
				key &&
				(name.toLowerCase() === wanted || key.replace(/[^A-Za-z0-9]/g, '').toLowerCase() === wanted)
			)
				found = key;
			return;
		}
		if (value && typeof value === 'object') {
			for (const [key, inner] of Object.entries(value as IDataObject))
				visit(inner, Array.isArray(value) ? name : key);
		}
	};
	visit(parameters, '');
	return found;
}
