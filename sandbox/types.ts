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
	fault?: Fault;
}

/**
 * A fault to inject into the next matching request(s).
 * With `httpStatus`, `contentType` or `body`: that raw answer is sent instead of the normal one.
 * With `dropConnection`: the socket is destroyed without an answer.
 * With only `delayMs`: the normal answer, after the delay (the request counts as "being processed" meanwhile).
 */
export interface Fault {
	/** Canonical or any-case API method name (`sendSms`, `simpleSms`, …); absent = any non-control request. */
	apiMethod?: string;
	/** How many requests the fault applies to (default 1). */
	times?: number;
	httpStatus?: number;
	contentType?: string;
	body?: string;
	delayMs?: number;
	dropConnection?: boolean;
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
