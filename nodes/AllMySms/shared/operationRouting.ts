import type {
	NodeOperationError,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';

import type { ApiMethodName } from './apiMethods';
import { invalidField } from './input';
import { apiRouting, prepareRequest } from './transport';

/**
 * Declarative operations that need a word before the request leaves (checks of the item's
 * values, a field to copy) or after the answer is read (a parameter echoed in the output).
 * Still `apiRouting`: same URL, same form building, same answer reading.
 */

export type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
export type PostReceive = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/**
 * `apiRouting` with `before` run first (they see the fields' values in the body, flow still an
 * object) and `after` run on the items the answer gave.
 */
export function apiRoutingWith(
	methodName: ApiMethodName,
	hooks: { before?: PreSend[]; after?: PostReceive[] },
): INodePropertyRouting {
	const routing = apiRouting(methodName);
	const preSend = (routing.send?.preSend ?? []).filter((hook) => hook !== prepareRequest);
	return {
		...routing,
		send: { ...routing.send, preSend: [...(hooks.before ?? []), ...preSend, prepareRequest] },
		output: { ...routing.output, postReceive: [...(routing.output?.postReceive ?? []), ...(hooks.after ?? [])] },
	};
}

/** Bad input the manual forbids, for the item being processed: nothing is sent for it. */
export function invalidInput(context: IExecuteSingleFunctions, label: string, reason: string): NodeOperationError {
	return invalidField(context.getNode(), context.getItemIndex(), label, reason, 'Nothing was sent to AllMySMS for this item.');
}

/** The request's form fields, as an object (created when absent). */
export function requestBody(requestOptions: IHttpRequestOptions): IDataObject {
	if (!requestOptions.body || typeof requestOptions.body !== 'object') requestOptions.body = {};
	return requestOptions.body as IDataObject;
}

/** The object a field routed into (`accountData`, …): created when absent. */
export function bodyObject(requestOptions: IHttpRequestOptions, property: string): IDataObject {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = body;
	const value = body[property];
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	const created: IDataObject = {};
	body[property] = created;
	return created;
}
