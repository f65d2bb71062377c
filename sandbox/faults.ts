/**
 * Injected faults: the ways the real AllMySMS (or a proxy in front of it) fails, queued per API
 * method and applied by the HTTP layer (server.ts).
 *
 * Each mode happens either BEFORE the work (the request never reaches the API: nothing is
 * created, no credit is taken, no unique identifier is reserved) or AFTER it (the method runs
 * to the end, its SMS exist and its unique identifier is marked done; only the answer is lost
 * or mangled on its way back). `FAULT_MODES` says which; the README has one example per mode.
 */
import { JSON_CONTENT_TYPE, XML_CONTENT_TYPE } from './answers';
import type { AppliedFault, Fault, FaultMode, FaultStatus } from './types';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

export const FAULT_MODES: Readonly<
	Record<FaultMode, { work: 'before' | 'after'; description: string }>
> = {
	htmlErrorPage: {
		work: 'before',
		description: 'an HTML error page (default 502) from a proxy; the API never saw the request',
	},
	resetBeforeWork: {
		work: 'before',
		description: 'connection reset before the API saw the request',
	},
	rawAnswer: {
		work: 'before',
		description: 'the given httpStatus/contentType/body instead of the API',
	},
	slow: {
		work: 'after',
		description:
			'the normal answer, held delayMs after the work (still "being processed" meanwhile)',
	},
	http500AfterWork: { work: 'after', description: 'HTTP 500 HTML page after the work was done' },
	resetAfterWork: { work: 'after', description: 'connection reset after the work was done' },
	truncatedJson: {
		work: 'after',
		description: 'the JSON answer cut in the middle, after the work was done',
	},
	xmlInsteadOfJson: {
		work: 'after',
		description: 'the answer in XML whatever returnformat asked, after the work was done',
	},
	jsonAsHtml: {
		work: 'after',
		description: 'the correct JSON answer labelled text/html, after the work was done',
	},
};

export function isFaultMode(value: unknown): value is FaultMode {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FAULT_MODES, value);
}

export function faultHappensBeforeWork(fault: AppliedFault): boolean {
	return FAULT_MODES[fault.mode].work === 'before';
}

/* ---------------------------------------------------------------------------------------- */
/* Queue                                                                                      */
/* ---------------------------------------------------------------------------------------- */

interface QueuedFault {
	id: number;
	fault: Fault & { mode: FaultMode; times: number; skip: number };
	/** Matching requests seen since the fault was queued (skipped ones included). */
	seen: number;
	applied: number;
}

/** Faults in the order they were queued. Spent faults stay listed (with their counters) until cleared. */
export class FaultQueue {
	private faults: QueuedFault[] = [];
	private nextId = 1;

	add(input: Fault): FaultStatus {
		const queued: QueuedFault = {
			id: this.nextId++,
			fault: normaliseFault(input),
			seen: 0,
			applied: 0,
		};
		this.faults.push(queued);
		return statusOf(queued);
	}

	/**
	 * The fault for the next request to `apiMethod`, if any. Every live fault matching the method
	 * counts the request (so `skip` counts requests to that method, whatever other faults do); the
	 * first one past its `skip` applies. One fault per request.
	 */
	take(apiMethod: string): AppliedFault | undefined {
		let picked: QueuedFault | undefined;
		for (const queued of this.faults) {
			if (queued.applied >= queued.fault.times || !matches(queued.fault, apiMethod)) continue;
			queued.seen += 1;
			if (picked === undefined && queued.seen > queued.fault.skip) picked = queued;
		}
		if (!picked) return undefined;
		picked.applied += 1;
		return { id: picked.id, ...picked.fault };
	}

	list(): FaultStatus[] {
		return this.faults.map(statusOf);
	}

	clear(): number {
		const cleared = this.faults.length;
		this.faults = [];
		return cleared;
	}
}

function matches(fault: Fault, apiMethod: string): boolean {
	return fault.apiMethod === undefined || fault.apiMethod.toLowerCase() === apiMethod.toLowerCase();
}

function statusOf({ id, fault, seen, applied }: QueuedFault): FaultStatus {
	return {
		id,
		...fault,
		work: FAULT_MODES[fault.mode].work,
		seen,
		skipped: Math.min(seen, fault.skip),
		applied,
		remaining: fault.times - applied,
	};
}

/**
 * Checks a fault and fills in its mode. Without `mode` (the original form of a fault):
 * `dropConnection` → resetBeforeWork; `httpStatus`/`contentType`/`body` → rawAnswer;
 * `delayMs` alone → slow.
 */
export function normaliseFault(
	input: Fault,
): Fault & { mode: FaultMode; times: number; skip: number } {
	const mode = input.mode ?? legacyMode(input);
	if (!isFaultMode(mode))
		throw new Error(
			`sandbox: unknown fault mode ${String(mode)} (one of ${Object.keys(FAULT_MODES).join(', ')})`,
		);
	const times = input.times ?? 1;
	const skip = input.skip ?? 0;
	if (!Number.isInteger(times) || times < 1)
		throw new Error('sandbox: fault.times must be a positive integer');
	if (!Number.isInteger(skip) || skip < 0)
		throw new Error('sandbox: fault.skip must be a non-negative integer');
	if (input.delayMs !== undefined && (!Number.isFinite(input.delayMs) || input.delayMs < 0))
		throw new Error('sandbox: fault.delayMs must be a non-negative number');
	if (mode === 'slow' && !input.delayMs) throw new Error('sandbox: a slow fault needs delayMs');
	if (
		input.httpStatus !== undefined &&
		(!Number.isInteger(input.httpStatus) || input.httpStatus < 100 || input.httpStatus > 599)
	) {
		throw new Error('sandbox: fault.httpStatus must be an HTTP status (100-599)');
	}
	if (mode === 'htmlErrorPage' && input.httpStatus !== undefined && input.httpStatus < 400)
		throw new Error('sandbox: an htmlErrorPage needs a 4xx or 5xx httpStatus');
	if (mode === 'http500AfterWork' && input.httpStatus !== undefined && input.httpStatus < 500)
		throw new Error('sandbox: http500AfterWork takes a 5xx httpStatus');
	return { ...input, mode, times, skip };
}

function legacyMode(input: Fault): FaultMode | undefined {
	if (input.dropConnection) return 'resetBeforeWork';
	if (input.httpStatus !== undefined || input.contentType !== undefined || input.body !== undefined)
		return 'rawAnswer';
	if (input.delayMs !== undefined) return 'slow';
	return undefined;
}

/** A fault from the control API's JSON body. */
export function faultFromJson(fields: Record<string, unknown>): Fault {
	const fault: Fault = {};
	for (const key of ['apiMethod', 'contentType', 'body'] as const) {
		if (fields[key] === undefined) continue;
		if (typeof fields[key] !== 'string') throw new Error(`fault.${key} must be a string`);
		fault[key] = fields[key];
	}
	for (const key of ['times', 'skip', 'httpStatus', 'delayMs'] as const) {
		if (fields[key] === undefined) continue;
		if (typeof fields[key] !== 'number') throw new Error(`fault.${key} must be a number`);
		fault[key] = fields[key];
	}
	if (fields.dropConnection !== undefined) {
		if (typeof fields.dropConnection !== 'boolean')
			throw new Error('fault.dropConnection must be a boolean');
		fault.dropConnection = fields.dropConnection;
	}
	if (fields.mode !== undefined) {
		if (!isFaultMode(fields.mode))
			throw new Error(`fault.mode must be one of ${Object.keys(FAULT_MODES).join(', ')}`);
		fault.mode = fields.mode;
	}
	return normaliseFault(fault);
}

/* ---------------------------------------------------------------------------------------- */
/* What the client receives                                                                   */
/* ---------------------------------------------------------------------------------------- */

export type FaultyReply =
	| { kind: 'reset' }
	| { kind: 'answer'; httpStatus: number; contentType: string; body: string };

/** The answer of a before-work fault (the method does not run). */
export function replyBeforeWork(fault: AppliedFault): FaultyReply {
	switch (fault.mode) {
		case 'resetBeforeWork':
			return { kind: 'reset' };
		case 'htmlErrorPage': {
			const httpStatus = fault.httpStatus ?? 502;
			return {
				kind: 'answer',
				httpStatus,
				contentType: fault.contentType ?? HTML_CONTENT_TYPE,
				body: fault.body ?? proxyErrorPage(httpStatus),
			};
		}
		default:
			return {
				kind: 'answer',
				httpStatus: fault.httpStatus ?? 200,
				contentType: fault.contentType ?? HTML_CONTENT_TYPE,
				body: fault.body ?? '',
			};
	}
}

/**
 * The answer of an after-work fault. `normal` is what would have been sent without a fault
 * (`slow` sends it); `serialise` gives the method's answer in the other format when needed.
 */
export function replyAfterWork(
	fault: AppliedFault | undefined,
	normal: { contentType: string; body: string },
	serialise: (format: 'json' | 'xml') => { contentType: string; body: string },
): FaultyReply {
	const ok = (contentType: string, body: string): FaultyReply => ({
		kind: 'answer',
		httpStatus: 200,
		contentType,
		body,
	});
	switch (fault?.mode) {
		case undefined:
		case 'slow':
			return ok(normal.contentType, normal.body);
		case 'resetAfterWork':
			return { kind: 'reset' };
		case 'http500AfterWork': {
			const httpStatus = fault.httpStatus ?? 500;
			return {
				kind: 'answer',
				httpStatus,
				contentType: fault.contentType ?? HTML_CONTENT_TYPE,
				body: fault.body ?? serverErrorPage(httpStatus),
			};
		}
		case 'truncatedJson': {
			const json = serialise('json').body;
			// A complete HTTP message (Content-Length matches) whose JSON stops half-way.
			return ok(JSON_CONTENT_TYPE, json.slice(0, Math.max(1, Math.floor(json.length / 2))));
		}
		case 'xmlInsteadOfJson':
			return ok(XML_CONTENT_TYPE, serialise('xml').body);
		case 'jsonAsHtml':
			return ok(HTML_CONTENT_TYPE, serialise('json').body);
		default:
			throw new Error(`sandbox: ${String(fault?.mode)} is not an after-work fault`);
	}
}

const REASONS: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Time-out',
};

function reasonOf(status: number): string {
	return REASONS[status] ?? 'Error';
}

/** What nginx in front of the API shows when the API is down. */
function proxyErrorPage(status: number): string {
	const title = `${status} ${reasonOf(status)}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** What Apache/PHP shows when the script dies after its work (fatal error while answering). */
function serverErrorPage(status: number): string {
	const title = `${status} ${reasonOf(status)}`;
	return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${reasonOf(status)}</h1>\n<p>The server encountered an internal error or misconfiguration and was unable to complete your request.</p>\n</body></html>\n`;
}
