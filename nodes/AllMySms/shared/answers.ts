import type { IDataObject } from 'n8n-workflow';

import { API_METHODS } from './apiMethods';
import { parseApiNumber } from './numbers';
import type { ApiMethod, ApiMethodName } from './apiMethods';
import { redact, redactDeep } from './redact';
import {
	CAMPAIGN_DELETION_HELP,
	SEND_STATUS_HELP,
	SEND_SUCCESS_STATUSES,
	SUB_ACCOUNT_CREDITS_HELP,
	VOICE_SEND_STATUS_HELP,
} from './statuses';
import { parseXml } from './xml';

/** What came back over HTTP. */
export interface HttpAnswer {
	statusCode: number;
	statusMessage?: string;
	body: unknown;
}

/** Why an answer is a failure, in words fit for an n8n error. Secrets already masked. */
export interface AnswerProblem {
	message: string;
	description?: string;
	httpCode?: string;
	/** The answer's data, kept in the error for the curious. */
	data: IDataObject;
	/**
	 * Not an answer of the API's (an HTTP 5xx or 408/429 page, an unreadable body): the request
	 * may be tried again. False when AllMySMS itself said no.
	 */
	retryable: boolean;
	/** The annex 2 status, when the API gave one. */
	status?: number;
}

/**
 * Reads an AllMySMS answer. JSON and XML answers give the same data: XML roots unwrapped,
 * lists as arrays, numeric fields as numbers. Secrets are masked everywhere; fields the API
 * should not have echoed (the key) are dropped.
 */
export function interpretAnswer(
	methodName: ApiMethodName,
	answer: HttpAnswer,
	secrets: string[],
): { ok: true; data: IDataObject } | { ok: false; problem: AnswerProblem } {
	const method = API_METHODS[methodName];
	const httpFailed = answer.statusCode < 200 || answer.statusCode >= 300;
	const parsed = parseBody(answer.body);
	if (typeof parsed !== 'object') {
		return { ok: false, problem: unreadable(answer, secrets, httpFailed, parsed) };
	}
	const data = redactDeep(normalise(method, parsed), secrets);
	const failure = failureOf(method, data);
	if (!failure && !httpFailed) return { ok: true, data };

	const code = failure?.code;
	const httpCode = httpFailed ? answer.statusCode : code;
	const reason = failure?.reason ?? httpStatusOf(answer);
	return {
		ok: false,
		problem: {
			message: redact(
				`AllMySMS: ${reason}${code === undefined ? '' : ` (status ${code})`}`,
				secrets,
			),
			description:
				failure?.help ??
				(httpFailed ? `AllMySMS answered with HTTP status ${answer.statusCode}.` : undefined),
			httpCode: httpCode?.toString(),
			data,
			retryable: !failure && (answer.statusCode >= 500 || [408, 429].includes(answer.statusCode)),
			status: code,
		},
	};
}

function httpStatusOf(answer: HttpAnswer): string {
	return `HTTP ${answer.statusCode} ${answer.statusMessage ?? ''}`.trim();
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return '';
}

/**
 * The answer as an object of its own (reworked in place afterwards), undefined when it is
 * neither JSON nor XML (an HTML error page…), or why an XML answer is refused (xml.ts).
 */
function parseBody(body: unknown): IDataObject | string | undefined {
	if (
		body &&
		typeof body === 'object' &&
		!Buffer.isBuffer(body) &&
		!(body instanceof ArrayBuffer)
	) {
		// Already parsed by the HTTP helper: a copy, since the answer is reworked in place.
		return structuredClone(body) as IDataObject;
	}
	const text = bodyText(body).trim();
	if (text.startsWith('{')) {
		try {
			return JSON.parse(text) as IDataObject;
		} catch {
			return undefined;
		}
	}
	if (text.startsWith('<') && !/^<(!doctype\s+html|html[\s>])/i.test(text)) {
		const xml = parseXml(text);
		return xml.ok ? unwrapXmlRoot(xml.document) : xml.refused;
	}
	return undefined;
}

/** `<sendSms>…</sendSms>` → its content. The manual's root names vary in case; the content is what counts. */
function unwrapXmlRoot(document: Record<string, unknown>): IDataObject | undefined {
	const [root] = Object.keys(document);
	if (root === undefined) return undefined;
	const content = document[root];
	if (content && typeof content === 'object' && !Array.isArray(content))
		return content as IDataObject;
	if (content === '' || content === undefined) return {};
	return { [root]: content } as IDataObject;
}

/** Reworks a freshly parsed answer in place, in the order apiMethods.ts describes. */
function normalise(method: ApiMethod, data: IDataObject): IDataObject {
	for (const [path, element] of Object.entries(method.lists ?? {})) {
		visitField(data, path.split('.'), (parent, key) => {
			parent[key] = asList(parent[key], element);
		});
	}
	for (const [path, newName] of Object.entries(method.renames ?? {})) {
		visitField(data, path.split('.'), (parent, key) => {
			if (!(newName in parent)) parent[newName] = parent[key];
			delete parent[key];
		});
	}
	for (const field of method.numberLists ?? []) {
		if (field in data) data[field] = phoneNumberList(data[field]);
	}
	for (const path of method.numbers ?? []) {
		visitField(data, path.split('.'), (parent, key) => {
			const number = parseApiNumber(parent[key]);
			if (number !== undefined) parent[key] = number;
		});
	}
	for (const path of method.booleans ?? []) {
		visitField(data, path.split('.'), (parent, key) => {
			parent[key] = asBoolean(parent[key]);
		});
	}
	for (const field of method.hidden ?? []) delete data[field];
	return data;
}

/** Calls `visit` with the parent object of every field a path (`a.b`, `a[].b`) reaches. */
function visitField(
	target: unknown,
	path: string[],
	visit: (parent: IDataObject, key: string) => void,
): void {
	if (!target || typeof target !== 'object') return;
	const [head, ...rest] = path;
	const key = head.replace(/\[\]$/, '');
	const object = target as IDataObject;
	if (!(key in object)) return;
	if (key !== head) {
		const list = object[key];
		if (Array.isArray(list)) list.forEach((entry) => visitField(entry, rest, visit));
	} else if (rest.length > 0) visitField(object[key], rest, visit);
	else visit(object, key);
}

/** `true`/`false`, `1`/`0`, or an empty XML element (PHP prints false as nothing). */
function asBoolean(value: IDataObject[string]): IDataObject[string] {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	if (typeof value !== 'string') return value;
	const text = value.trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0' || text === '') return false;
	return value;
}

/** XML gives `<smsIds><sms/><sms/></smsIds>` as `{sms: […]}`, one entry as `{sms: {…}}`, none as ''. */
function asList(value: unknown, element: string): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === '' || value === null || value === undefined) return [];
	if (typeof value === 'object' && element in value) {
		const inner = (value as IDataObject)[element];
		return Array.isArray(inner) ? inner : [inner];
	}
	return [value];
}

/**
 * `invalidNumbers` is "a concatenation of the invalid numbers" (7.4). The manual's console shows
 * `336xxxxxxxx(336xxxxxxxx|`, so entries are split on `|` (and `;`/`,`), and anything from an
 * opening parenthesis on is dropped.
 */
function phoneNumberList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	if (typeof value !== 'string') return [];
	return value
		.split(/[|;,\s]+/)
		.map((entry) => entry.split('(')[0].trim())
		.filter((entry) => entry !== '');
}

/** The answer means "nothing found" (getSubAccounts' "No subaccount found"). */
function isEmptyAnswer(method: ApiMethod, data: IDataObject): boolean {
	const { empty } = method;
	return (
		empty !== undefined &&
		parseApiNumber(data.status) === empty.status &&
		empty.text.test(textOf(data) ?? '')
	);
}

function textOf(data: IDataObject): string | undefined {
	for (const key of ['statusText', 'text', 'error']) {
		const value = data[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

interface Failure {
	reason: string;
	code?: number;
	help?: string;
}

function failureOf(method: ApiMethod, data: IDataObject): Failure | undefined {
	const status = parseApiNumber(data.status);
	const refused = (help?: string): Failure => ({
		reason: textOf(data) ?? 'request refused',
		code: status,
		help,
	});
	if (isEmptyAnswer(method, data)) return undefined;
	// The "nothing found" status with other words: a refusal (getSubAccounts' wrong key).
	if (status !== undefined && status === method.empty?.status) return refused();
	if (typeof data.error === 'string' && data.error.trim() !== '') {
		const reason = data.error.trim();
		// The read methods say a wrong login or key in an `error` field, with annex 2's 102 text.
		return {
			reason,
			help: /aucun compte ne correspond/i.test(reason) ? SEND_STATUS_HELP[102] : undefined,
		};
	}
	switch (method.statusKind) {
		case 'send':
		case 'voiceSend': {
			if (status === undefined)
				return {
					reason: 'the answer has no status',
					help: 'AllMySMS answered without the status field the manual describes.',
				};
			if (SEND_SUCCESS_STATUSES.has(status)) return undefined;
			return refused(
				(method.statusKind === 'send' ? SEND_STATUS_HELP : VOICE_SEND_STATUS_HELP)[status],
			);
		}
		case 'read':
			// Read methods answer their data; an annex 2 status here means the request was refused (102…):
			// SEND_STATUS_HELP lists the failure statuses only, so a listed status is a refusal.
			return status !== undefined && SEND_STATUS_HELP[status]
				? refused(SEND_STATUS_HELP[status])
				: undefined;
		case 'flag':
			return status === 0 ? { reason: textOf(data) ?? 'the operation failed', code: 0 } : undefined;
		case 'campaignDeletion': {
			const code = String(data.status ?? '').trim();
			if (code.toUpperCase() === 'OK') return undefined;
			// Annex 4 pairs each code with a text; when the answer carries it, both are shown.
			const text = textOf(data);
			const reason =
				code && text ? `${text} (${code})` : code || text || 'the campaign was not deleted';
			return { reason, help: CAMPAIGN_DELETION_HELP[code.toUpperCase()] };
		}
		case 'subAccountCredits':
			return status === undefined ? undefined : refused(SUB_ACCOUNT_CREDITS_HELP[status]);
	}
}

/** The output items of an answer: one per entry of `itemsFrom`, or the whole answer. */
export function answerItems(methodName: ApiMethodName, data: IDataObject): IDataObject[] {
	const method = API_METHODS[methodName];
	if (isEmptyAnswer(method, data)) return [];
	if (!method.itemsFrom) return [data];
	let found: unknown;
	visitField(data, method.itemsFrom.split('.'), (parent, key) => {
		found = parent[key];
	});
	if (found === undefined || found === '') return [];
	const kept = Object.fromEntries(
		(method.keepFields ?? []).filter((field) => field in data).map((field) => [field, data[field]]),
	);
	return (Array.isArray(found) ? found : [found]).map((entry) => ({
		...(entry && typeof entry === 'object'
			? (entry as IDataObject)
			: { [method.itemKey ?? 'value']: entry as string }),
		...kept,
	}));
}

/** An answer that is neither JSON nor XML, or XML refused for `xmlRefusal`. */
function unreadable(
	answer: HttpAnswer,
	secrets: string[],
	httpFailed: boolean,
	xmlRefusal: string | undefined,
): AnswerProblem {
	const problem = {
		httpCode: String(answer.statusCode),
		data: { httpStatus: answer.statusCode },
		retryable: true,
	};
	if (xmlRefusal) {
		return {
			...problem,
			message: 'AllMySMS answered with XML that is refused',
			description: xmlRefusal,
		};
	}
	const text = bodyText(answer.body)
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 300);
	const what = httpFailed ? httpStatusOf(answer) : 'an answer that is neither JSON nor XML';
	return {
		...problem,
		message: `AllMySMS answered with ${what}`,
		description: text ? redact(`The answer began with: ${text}`, secrets) : 'The answer was empty.',
	};
}
