import { NodeApiError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../../credentials/AllMySmsApi.credentials';
import { answerError, interpretAnswer } from './answers';
import type { AnswerProblem, HttpAnswer } from './answers';
import { API_METHODS } from './apiMethods';
import type { ApiMethodName } from './apiMethods';
import { redact } from './redact';
import {
	backoffMs,
	mayRetry,
	networkFailureOf,
	pause,
	PENDING_WAITS_MS,
	retryKindOf,
	retrySettings,
} from './retries';
import type { RetrySettings } from './retries';
import { buildXml } from './xml';
import type { XmlElement } from './xml';

/**
 * The one road to AllMySMS: every request of the node, the triggers and the dropdowns goes
 * through `callApi`, which builds the form, goes through the credential's `authenticate`, tries
 * again where that cannot do harm, and reads the answer (answers.ts).
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

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
}

/** A method's XML or JSON flow (`smsData`, …), before serialisation. */
export type Flow = XmlElement;

export function serialiseFlow(
	methodName: ApiMethodName,
	flow: Flow,
	format: RequestFormat,
): string {
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

/** Every n8n context that may call AllMySMS programmatically. */
export type ApiContext =
	| IExecuteFunctions
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
	/** The send's unique identifier: without one, a send is never tried again. */
	uniqueIdentifier?: string;
	/** Timeout and retries (default: 30 s, 3 retries). */
	retry?: RetrySettings;
}

/** What became of a send that failed, in every error and error item (outcome.ts). */
export type SendOutcome = 'not sent' | 'may have been sent';

/**
 * One call of an API method: every operation (router.ts, batchRunner.ts), the dropdowns, the
 * triggers' webhook registration and polling. Returns the answer's data.
 *
 * Tries again (retries.ts) after a network error, a timeout, an HTTP 5xx or an unreadable
 * answer; a send only with its unique identifier, so that the repeat can only return the
 * original result. A send that AllMySMS says is still being processed (160), or that it takes
 * for a repeat within 10 s (121, which with an identifier can only be this very request sent
 * earlier), is asked for again after a wait, until the original result comes back.
 */
export async function callApi(
	this: ApiContext,
	methodName: ApiMethodName,
	call: ApiCall,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, call.itemIndex ?? 0);
	const secrets = apiKeyOf(credentials);
	const baseURL = baseUrlOf(credentials);
	const settings = call.retry ?? retrySettings(undefined);
	const kind = retryKindOf(methodName);
	const sends = !!call.sends;
	// A send without an identifier is never repeated: the repeat could send again.
	const retriable = !sends || !!call.uniqueIdentifier;
	const options: IHttpRequestOptions = {
		...HTTP_OPTIONS,
		headers: { ...HTTP_OPTIONS.headers },
		baseURL,
		url: API_METHODS[methodName].path,
		body: buildForm(methodName, call.params ?? {}, call.format ?? 'json', call.flow),
		returnFullResponse: true,
		timeout: settings.timeoutMs,
	};
	const node = this.getNode();
	let retries = 0;
	let waits = 0;
	/** An earlier try of this send may have been processed. */
	let uncertain = false;
	for (;;) {
		let answer: HttpAnswer;
		try {
			answer = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as HttpAnswer;
		} catch (error) {
			const failure = networkFailureOf(error);
			if (!failure.neverSent) uncertain = true;
			if (retriable && retries < settings.retries && mayRetry(kind, 'network', failure.neverSent)) {
				await pause(backoffMs(++retries));
				continue;
			}
			const lost = unreachable(node, error, {
				baseURL,
				secrets,
				itemIndex: call.itemIndex,
				sends,
				write: kind !== 'read' && kind !== 'consumingRead',
				uniqueIdentifier: call.uniqueIdentifier,
				uncertain,
				tries: retries + waits + 1,
				timeoutMs: settings.timeoutMs,
			});
			throw kind === 'consumingRead' && !failure.neverSent ? withLostRepliesNote(lost) : lost;
		}
		const result = interpretAnswer(methodName, answer, secrets);
		if (result.ok) return result.data;
		const { problem } = result;
		if (problem.retryable) {
			uncertain = true;
			if (retriable && retries < settings.retries && mayRetry(kind, 'answer')) {
				await pause(backoffMs(++retries));
				continue;
			}
			const unreadable = sendError(
				node,
				problem,
				call,
				sends ? 'may have been sent' : undefined,
				retries + waits + 1,
			);
			throw kind === 'consumingRead' ? withLostRepliesNote(unreadable) : unreadable;
		}
		// 160: this very request is still being processed. 121 after an uncertain try: most likely
		// that try, accepted less than 10 s ago. Both are waited out until the original answer comes.
		// A 121 on a first try is another request (a double click, a loop, a webhook delivered
		// twice): a refusal like any other, never waited out, which would defeat the guard.
		const pending =
			sends &&
			(problem.status === 160 || (problem.status === 121 && uncertain && !!call.uniqueIdentifier));
		if (pending) {
			uncertain = true;
			if (waits < PENDING_WAITS_MS.length) {
				await pause(PENDING_WAITS_MS[waits++]);
				continue;
			}
			throw sendError(node, problem, call, 'may have been sent', retries + waits + 1);
		}
		// AllMySMS said no. After a try that may have gone through, a refusal proves nothing about
		// that try (AllMySMS may check the credits, 104, before it looks at the identifier).
		throw sendError(
			node,
			problem,
			call,
			sends ? (uncertain ? 'may have been sent' : 'not sent') : undefined,
			retries + waits + 1,
		);
	}
}

/**
 * getPulls hands each reply out once (14.1): when its answer is lost, so are the replies in it,
 * and asking again would only bring the next ones. Said, never a silent gap.
 */
function withLostRepliesNote(error: NodeApiError): NodeApiError {
	error.description = `${error.description ? `${error.description} ` : ''}getPulls hands each reply out once, so the replies in this lost answer will not come again from it, and it was not asked again: find them with Reply → Get by SMS ID (getPullBySmsId) or Reply → Get Many by Campaign (getPull).`;
	return error;
}

/** How to find out what became of a send whose result is unknown. */
function howToCheck(uniqueIdentifier: string | undefined): string {
	return uniqueIdentifier
		? `Its unique identifier is ${uniqueIdentifier}: for 24 hours, a request with it (an n8n Retry of this execution, or this node with Unique Identifier set to it) returns the original result instead of sending again. You can also look for the campaign in the AllMySMS manager before sending in another way.`
		: 'Check the campaigns in the AllMySMS manager before sending again.';
}

/** The error of an answer that is not a success, saying for a send what became of it. */
function sendError(
	node: INode,
	problem: AnswerProblem,
	call: ApiCall,
	outcome: SendOutcome | undefined,
	tries: number,
): NodeApiError {
	let description = problem.description;
	if (outcome === 'may have been sent') {
		problem.message = `${problem.message}: the messages may have been sent`;
		description = `${description ? `${description} ` : ''}AllMySMS did not say whether it accepted this request${tries > 1 ? ` (${tries} tries)` : ''}. The messages may have been sent. ${howToCheck(call.uniqueIdentifier)}`;
	} else if (outcome === 'not sent') {
		description = `${description ? `${description} ` : ''}Not sent: AllMySMS refused this request.`;
	}
	const error = answerError(node, problem, call.itemIndex, description);
	if (outcome) {
		error.context.sendOutcome = outcome;
		if (call.uniqueIdentifier) error.context.uniqueIdentifier = call.uniqueIdentifier;
	}
	return error;
}

/** A request that got no answer. Built from scratch so that nothing of the request (its key) rides along. */
function unreachable(
	node: INode,
	error: unknown,
	context: {
		baseURL: string;
		secrets: string[];
		itemIndex?: number;
		sends: boolean;
		uniqueIdentifier?: string;
		uncertain?: boolean;
		tries: number;
		timeoutMs: number;
		/** The request changes something (a write): it may have been done. */
		write?: boolean;
	},
): NodeApiError {
	const cause = error as { message?: string; code?: string; cause?: { code?: string } };
	const failure = networkFailureOf(error);
	const code = failure.code;
	const reason = failure.timedOut
		? `no answer within ${context.timeoutMs / 1000} s (Timeout)`
		: redact(cause.message ?? 'no answer', context.secrets);
	const tries = context.tries > 1 ? ` (${context.tries} tries)` : '';
	const maybeSent = context.sends && context.uncertain !== false;
	const outcome = context.sends
		? maybeSent
			? `The messages may have been sent. ${howToCheck(context.uniqueIdentifier)}`
			: 'Not sent: the request never reached AllMySMS.'
		: context.write
			? 'The request may or may not have been processed.'
			: 'Nothing was changed.';
	// No `code` in the error object: n8n would replace the message with its generic text for it.
	const built = new NodeApiError(node, { reachable: false } as JsonObject, {
		message: `Could not reach AllMySMS: ${reason}${maybeSent ? ': the messages may have been sent' : ''}`,
		description: redact(
			`${context.baseURL}${code ? ` (${code})` : ''}${tries}. ${outcome}`,
			context.secrets,
		),
		itemIndex: context.itemIndex,
	});
	if (context.sends) {
		built.context.sendOutcome = maybeSent ? 'may have been sent' : 'not sent';
		if (context.uniqueIdentifier) built.context.uniqueIdentifier = context.uniqueIdentifier;
	}
	return built;
}
