import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodePropertyRouting,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, DEFAULT_BASE_URL } from '../../../credentials/AllMySmsApi.credentials';
import { answerItems, readAnswer } from './answers';
import type { HttpAnswer } from './answers';
import { API_METHODS, isApiMethodName } from './apiMethods';
import type { ApiMethodName } from './apiMethods';
import { redact } from './redact';
import { buildXml } from './xml';
import type { XmlElement } from './xml';

/**
 * The one road to AllMySMS. Declarative operations reach it through `requestDefaults` and the
 * `prepareRequest`/`parseAnswer` hooks; programmatic operations (the sends) through `callApi`.
 * Both build the same form, go through the credential's `authenticate`, and read the answer
 * with the same `readAnswer`.
 */

export const CREDENTIAL_TYPE = 'allMySmsApi';

export type RequestFormat = 'json' | 'xml';

/** Everything about the HTTP exchange that does not depend on the method. */
export const HTTP_OPTIONS = {
	method: 'POST',
	headers: {
		'Content-Type': 'application/x-www-form-urlencoded',
		Accept: 'application/json, application/xml;q=0.9, */*;q=0.1',
	},
	// AllMySMS reports failures in the body; readAnswer judges the HTTP status too, keeping the
	// API's own text and never letting n8n echo the request (which carries the key) in an error.
	ignoreHttpStatusErrors: true,
	// The raw text: the answer may be JSON or XML whatever was asked (error pages, some methods).
	encoding: 'text',
	json: false,
} satisfies Omit<IHttpRequestOptions, 'url'>;

export { BASE_URL_EXPRESSION };

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
}

/** A method's XML or JSON flow (`smsData`, …), before serialisation. */
export type Flow = XmlElement;

export function serialiseFlow(methodName: ApiMethodName, flow: Flow, format: RequestFormat): string {
	const method = API_METHODS[methodName];
	const root = method.payloadRoot ?? 'DATA';
	return format === 'xml'
		? buildXml(root, withXmlLists(flow, method.flowLists), method.cdataFields)
		: JSON.stringify({ [root]: method.flowDataArray ? [flow] : flow });
}

/** `STRUCTURE: [a, b]` → `STRUCTURE: {FIELD: [a, b]}` for the lists the method names (`flowLists`). */
function withXmlLists(flow: Flow, flowLists: Record<string, string> | undefined): Flow {
	if (!flowLists) return flow;
	const result: Flow = { ...flow };
	for (const [field, element] of Object.entries(flowLists)) {
		const value = result[field];
		if (Array.isArray(value)) result[field] = { [element]: value };
	}
	return result;
}

/** The form fields of a request, apart from the login and key that `authenticate` adds. */
export function buildForm(
	methodName: ApiMethodName,
	params: IDataObject,
	format: RequestFormat,
	flow?: Flow,
): IDataObject {
	const form: IDataObject = { returnformat: format };
	for (const [name, value] of Object.entries(params)) {
		if (value !== undefined && value !== null && value !== '') form[name] = value;
	}
	const { payloadField } = API_METHODS[methodName];
	if (payloadField && flow) form[payloadField] = serialiseFlow(methodName, flow, format);
	return form;
}

function apiKeyOf(credentials: ICredentialDataDecryptedObject): string[] {
	return [String(credentials.apiKey ?? '')];
}

function operationOf(context: IExecuteSingleFunctions): ApiMethodName {
	const operation = context.getNodeParameter('operation') as string;
	if (!isApiMethodName(operation)) {
		throw new NodeOperationError(context.getNode(), `Unknown AllMySMS method "${operation}"`);
	}
	return operation;
}

function formatOf(context: IExecuteSingleFunctions): RequestFormat {
	return context.getNodeParameter('options.requestFormat', 'json') === 'xml' ? 'xml' : 'json';
}

/**
 * preSend of every declarative operation: sets `returnformat` and serialises the method's flow,
 * which fields build as an object under the flow's form field (`routing.send.property`).
 */
export async function prepareRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const methodName = operationOf(this);
	const { payloadField } = API_METHODS[methodName];
	const { [payloadField ?? '']: flow, ...params } = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = buildForm(methodName, params, formatOf(this), flow as Flow | undefined);
	return requestOptions;
}

/** postReceive of every declarative operation. */
export async function parseAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const methodName = operationOf(this);
	const data = readAnswer(this.getNode(), methodName, response, { secrets: apiKeyOf(credentials) });
	return answerItems(methodName, data).map((json) => ({ json }));
}

/** Every n8n context that may call AllMySMS programmatically. */
export type ApiContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export interface ApiCall {
	params?: IDataObject;
	flow?: Flow;
	format?: RequestFormat;
	/** The item the call is for, when there is one (errors name it). */
	itemIndex?: number;
	/** The call may send messages: a lost answer then means "maybe sent", and the error says so. */
	sends?: boolean;
}

/**
 * Programmatic path: operations that need more than one request per item, dropdowns filled
 * from the account, the trigger's webhook registration. Returns the answer's data.
 */
export async function callApi(
	this: ApiContext,
	methodName: ApiMethodName,
	call: ApiCall,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, call.itemIndex ?? 0);
	const secrets = apiKeyOf(credentials);
	const baseURL = baseUrlOf(credentials);
	const options: IHttpRequestOptions = {
		...HTTP_OPTIONS,
		headers: { ...HTTP_OPTIONS.headers },
		baseURL,
		url: API_METHODS[methodName].path,
		body: buildForm(methodName, call.params ?? {}, call.format ?? 'json', call.flow),
		returnFullResponse: true,
	};
	let answer: HttpAnswer;
	try {
		answer = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as HttpAnswer;
	} catch (error) {
		throw unreachable(this.getNode(), error, { baseURL, secrets, itemIndex: call.itemIndex, sends: !!call.sends });
	}
	return readAnswer(this.getNode(), methodName, answer, { secrets, itemIndex: call.itemIndex });
}

/** A request that got no answer. Built from scratch so that nothing of the request (its key) rides along. */
function unreachable(
	node: INode,
	error: unknown,
	context: { baseURL: string; secrets: string[]; itemIndex?: number; sends: boolean },
): NodeApiError {
	const cause = error as { message?: string; code?: string; cause?: { code?: string } };
	const code = cause.cause?.code ?? cause.code;
	const reason = redact(cause.message ?? 'no answer', context.secrets);
	const outcome = context.sends
		? 'The request may or may not have been processed: check the campaigns in the AllMySMS manager before sending again, or set a Unique Identifier so that a retry can never send twice.'
		: 'Nothing was changed.';
	// No `code` in the error object: n8n would replace the message with its generic text for it.
	return new NodeApiError(node, { reachable: false } as JsonObject, {
		message: `Could not reach AllMySMS: ${reason}`,
		description: redact(`${context.baseURL}${code ? ` (${code})` : ''}. ${outcome}`, context.secrets),
		itemIndex: context.itemIndex,
	});
}

/** The routing of a declarative operation: every one goes through the same hooks. */
export function apiRouting(methodName: ApiMethodName): INodePropertyRouting {
	return {
		request: { url: API_METHODS[methodName].path },
		send: { preSend: [prepareRequest] },
		output: { postReceive: [parseAnswer] },
	};
}
