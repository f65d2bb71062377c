import { NodeApiError, sleep } from 'n8n-workflow';
import type {
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
import { interpretAnswer } from './answers';
import type { AnswerProblem, HttpAnswer } from './answers';
import { API_METHODS } from './apiMethods';
import type { ApiMethod, ApiMethodName } from './apiMethods';
import { redact } from './redact';
import {
	backoffMs,
	mayRetry,
	networkFailureOf,
	PENDING_WAITS_MS,
	retryKindOf,
	retrySettings,
} from './retries';
import type { RetryKind, RetrySettings } from './retries';
import { buildXml } from './xml';
import type { XmlElement } from './xml';

/**
 * The one road to AllMySMS: every request of the node, the triggers and the dropdowns goes
 * through `callApi`, which builds the form, goes through the credential's `authenticate`, tries
 * again where that cannot do harm, and reads the answer (answers.ts).
 */

export const CREDENTIAL_TYPE = 'allMySmsApi';

export type RequestFormat = 'json' | 'xml';

/** A method's XML or JSON flow (`smsData`, …), before serialisation. */
export type Flow = XmlElement;

/** The form fields of a request, apart from the login and key that `authenticate` adds. */
function buildForm(methodName: ApiMethodName, call: ApiCall): IDataObject {
	const format = call.format ?? 'json';
	const form: IDataObject = { returnformat: format };
	for (const [name, value] of Object.entries(call.params ?? {})) {
		if (value !== undefined && value !== null && value !== '') form[name] = value;
	}
	const method = API_METHODS[methodName];
	if (method.payloadField && call.flow) {
		form[method.payloadField] = serialiseFlow(method, call.flow, format);
	}
	return form;
}

/** The flow as its form field carries it, under the root element DATA. */
function serialiseFlow(method: ApiMethod, flow: Flow, format: RequestFormat): string {
	if (format !== 'xml') return JSON.stringify({ DATA: method.flowDataArray ? [flow] : flow });
	// `STRUCTURE: [a, b]` → `STRUCTURE: {FIELD: [a, b]}` for the lists the method names.
	const xmlFlow: Flow = { ...flow };
	for (const [field, element] of Object.entries(method.flowLists ?? {})) {
		const value = xmlFlow[field];
		if (Array.isArray(value)) xmlFlow[field] = { [element]: value };
	}
	return buildXml('DATA', xmlFlow, method.cdataFields);
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
type SendOutcome = 'not sent' | 'may have been sent';

/**
 * One call of an API method: every operation, the dropdowns, the triggers' webhook registration
 * and polling. Returns the answer's data.
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
	const secrets = [String(credentials.apiKey ?? '')];
	const baseURL = String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
	const settings = call.retry ?? retrySettings(undefined);
	const kind = retryKindOf(methodName);
	const sends = !!call.sends;
	const options: IHttpRequestOptions = {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'application/json, application/xml;q=0.9, */*;q=0.1',
		},
		// AllMySMS reports failures in the body; interpretAnswer judges the HTTP status too, keeping
		// the API's own text and never letting n8n echo the request (which carries the key) in an error.
		ignoreHttpStatusErrors: true,
		// The raw text: the answer may be JSON or XML whatever was asked (error pages, some methods).
		encoding: 'text',
		json: false,
		baseURL,
		url: API_METHODS[methodName].path,
		body: buildForm(methodName, call),
		returnFullResponse: true,
		timeout: settings.timeoutMs,
	};
	const node = this.getNode();
	let retries = 0;
	let waits = 0;
	/** An earlier try of this send may have been processed. */
	let uncertain = false;
	// A send without an identifier is never repeated: the repeat could send again.
	const mayTryAgain = (neverSent: boolean) =>
		(!sends || !!call.uniqueIdentifier) && retries < settings.retries && mayRetry(kind, neverSent);
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
			if (mayTryAgain(failure.neverSent)) {
				await sleep(backoffMs(++retries));
				continue;
			}
			const outcome = sendOutcome(sends, uncertain);
			const reason = failure.timedOut
				? `no answer within ${settings.timeoutMs / 1000} s (Timeout)`
				: redact((error as { message?: string }).message ?? 'no answer', secrets);
			const code = failure.code ? ` (${failure.code})` : '';
			const tries = triesText(retries + waits + 1);
			// Built from scratch so that nothing of the request (its key) rides along. No `code` in
			// the error object: n8n would replace the message with its generic text for it.
			const lost = callError(node, call, outcome, {
				message: `Could not reach AllMySMS: ${reason}`,
				description: redact(
					`${baseURL}${code}${tries}. ${unansweredOutcome(outcome, kind, call)}`,
					secrets,
				),
				data: { reachable: false },
			});
			throw kind === 'consumingRead' && !failure.neverSent ? withLostRepliesNote(lost) : lost;
		}
		const result = interpretAnswer(methodName, answer, secrets);
		if (result.ok) return result.data;
		const { problem } = result;
		// 160: this very request is still being processed. 121 after an uncertain try: most likely
		// that try, accepted less than 10 s ago. Both are waited out until the original answer comes.
		// A 121 on a first try is another request (a double click, a loop, a webhook delivered
		// twice): a refusal like any other, never waited out, which would defeat the guard.
		const pending =
			sends &&
			(problem.status === 160 || (problem.status === 121 && uncertain && !!call.uniqueIdentifier));
		if (problem.retryable || pending) uncertain = true;
		if (problem.retryable && mayTryAgain(/* neverSent: it answered */ false)) {
			await sleep(backoffMs(++retries));
			continue;
		}
		if (pending && waits < PENDING_WAITS_MS.length) {
			await sleep(PENDING_WAITS_MS[waits++]);
			continue;
		}
		// AllMySMS said no. After a try that may have gone through, a refusal proves nothing about
		// that try (AllMySMS may check the credits, 104, before it looks at the identifier).
		const outcome = sendOutcome(sends, uncertain);
		const tries = triesText(retries + waits + 1);
		let { description } = problem;
		if (outcome === 'may have been sent') {
			const text = `AllMySMS did not say whether it accepted this request${tries}. ${maybeSent(call)}`;
			description = joined(description, text);
		} else if (outcome === 'not sent') {
			description = joined(description, 'Not sent: AllMySMS refused this request.');
		}
		const error = callError(node, call, outcome, { ...problem, description });
		throw kind === 'consumingRead' && problem.retryable ? withLostRepliesNote(error) : error;
	}
}

function sendOutcome(sends: boolean, uncertain: boolean): SendOutcome | undefined {
	if (!sends) return undefined;
	return uncertain ? 'may have been sent' : 'not sent';
}

function triesText(tries: number): string {
	return tries > 1 ? ` (${tries} tries)` : '';
}

function joined(description: string | null | undefined, text: string): string {
	return description ? `${description} ${text}` : text;
}

/** A send whose result is unknown, and how to find out what became of it. */
function maybeSent(call: ApiCall): string {
	const howToCheck = call.uniqueIdentifier
		? `Its unique identifier is ${call.uniqueIdentifier}: for 24 hours, a request with it (an n8n Retry of this execution, or this node with Unique Identifier set to it) returns the original result instead of sending again. You can also look for the campaign in the AllMySMS manager before sending in another way.`
		: 'Check the campaigns in the AllMySMS manager before sending again.';
	return `The messages may have been sent. ${howToCheck}`;
}

/** What became of a request that got no answer. */
function unansweredOutcome(
	outcome: SendOutcome | undefined,
	kind: RetryKind,
	call: ApiCall,
): string {
	if (outcome === 'may have been sent') return maybeSent(call);
	if (outcome === 'not sent') return 'Not sent: the request never reached AllMySMS.';
	if (kind === 'read' || kind === 'consumingRead') return 'Nothing was changed.';
	return 'The request may or may not have been processed.';
}

/**
 * getPulls hands each reply out once (14.1): when its answer is lost, so are the replies in it,
 * and asking again would only bring the next ones. Said, never a silent gap.
 */
function withLostRepliesNote(error: NodeApiError): NodeApiError {
	error.description = joined(
		error.description,
		'getPulls hands each reply out once, so the replies in this lost answer will not come again from it, and it was not asked again: find them with Reply → Get by SMS ID (getPullBySmsId) or Reply → Get Many by Campaign (getPull).',
	);
	return error;
}

/** The error of a failed call: AllMySMS's own words, never the request; for a send, its outcome. */
function callError(
	node: INode,
	call: ApiCall,
	outcome: SendOutcome | undefined,
	problem: Pick<AnswerProblem, 'message' | 'description' | 'httpCode' | 'data'>,
): NodeApiError {
	const { description, httpCode, data } = problem;
	const message =
		outcome === 'may have been sent'
			? `${problem.message}: the messages may have been sent`
			: problem.message;
	const error = new NodeApiError(node, data as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex: call.itemIndex,
	});
	if (outcome) {
		error.context.sendOutcome = outcome;
		if (call.uniqueIdentifier) error.context.uniqueIdentifier = call.uniqueIdentifier;
	}
	return error;
}
