/**
 * Public types of the AllMySMS sandbox (shared by server, state and tests).
 */

/** Answer format chosen by the `returnformat` parameter. */
export type ReturnFormat = 'json' | 'xml';

/** One HTTP request as the sandbox saw it, with the answer it gave. */
export interface RecordedRequest {
	/** HTTP verb, upper case (GET, POST, …). */
	httpMethod: string;
	/** URL path without the query string, e.g. `/http/9.0/sendSms/`. */
	path: string;
	/** Canonical API method name (`sendSms`, `simpleSms`, `getInfo`, …), undefined for unknown paths. */
	apiMethod: string | undefined;
	/** Request headers, names lower-cased, repeated headers joined with `, `. */
	headers: Record<string, string>;
	/** Query-string parameters (last occurrence wins, as PHP does). */
	query: Record<string, string>;
	/** Body parameters (x-www-form-urlencoded or multipart/form-data text fields). */
	form: Record<string, string>;
	/** Query and body merged, body wins. */
	params: Record<string, string>;
	/** The `smsData` parameter, when the method takes one and it was not blank. `data` is undefined when unparseable. */
	smsData?: { format: 'json' | 'xml'; raw: string; data: unknown };
	/** What was answered. `httpStatus` 0 = connection dropped by an injected fault (or request still in progress). */
	answer: { httpStatus: number; contentType: string; body: string };
	/** The injected fault applied to this request, if any. */
	fault?: AppliedFault;
	/** What the method answered when an after-work fault lost or mangled it (what the client missed). */
	lostAnswer?: { contentType: string; body: string };
}

/**
 * How an injected fault fails (faults.ts, README "Faults"). Before the work: `htmlErrorPage`,
 * `resetBeforeWork`, `rawAnswer`. After the work (the SMS exist, the unique identifier is done):
 * `slow`, `http500AfterWork`, `resetAfterWork`, `truncatedJson`, `xmlInsteadOfJson`, `jsonAsHtml`.
 */
export type FaultMode =
	| 'htmlErrorPage'
	| 'resetBeforeWork'
	| 'rawAnswer'
	| 'slow'
	| 'http500AfterWork'
	| 'resetAfterWork'
	| 'truncatedJson'
	| 'xmlInsteadOfJson'
	| 'jsonAsHtml';

/**
 * A fault to inject into the next matching request(s). Without `mode`, the original forms:
 * `dropConnection` = resetBeforeWork; `httpStatus`, `contentType` or `body` = rawAnswer (that
 * raw answer instead of the API's); `delayMs` alone = slow.
 */
export interface Fault {
	mode?: FaultMode;
	/** Canonical or any-case API method name (`sendSms`, `simpleSms`, …); absent = any API request. */
	apiMethod?: string;
	/** How many requests the fault applies to (default 1). */
	times?: number;
	/** Let this many matching requests through untouched first (default 0): `skip: 1` breaks only the 2nd. */
	skip?: number;
	/** htmlErrorPage (default 502), http500AfterWork (default 500, any 5xx), rawAnswer (default 200). */
	httpStatus?: number;
	/** Overrides the content type of htmlErrorPage, http500AfterWork and rawAnswer. */
	contentType?: string;
	/** Overrides the body of htmlErrorPage, http500AfterWork and rawAnswer. */
	body?: string;
	/**
	 * Milliseconds the answer is held. Before-work modes: before the fault's answer. After-work
	 * modes: after the work, the request still "being processed" meanwhile (160 / 121 for a repeat).
	 */
	delayMs?: number;
	dropConnection?: boolean;
}

/** A queued fault with its counters, as `GET /_sandbox/faults` lists it. */
export interface FaultStatus extends Fault {
	id: number;
	mode: FaultMode;
	times: number;
	skip: number;
	/** Whether the fault happens before or after the method's work. */
	work: 'before' | 'after';
	/** Matching requests seen since it was queued, the skipped ones included. */
	seen: number;
	skipped: number;
	applied: number;
	remaining: number;
}

/** The fault applied to one request (in `RecordedRequest.fault`). */
export interface AppliedFault extends Fault {
	id: number;
	mode: FaultMode;
	times: number;
	skip: number;
}

export interface StartSandboxOptions {
	/** 0 (default) = a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Injectable clock (121 window, unique identifiers, scheduling, dates in answers). */
	now?: () => Date;
	/** Create the demo account (login `demo`) and its sub-account `demo_shop`. */
	seedDemo?: boolean;
}
