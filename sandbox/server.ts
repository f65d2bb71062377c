/**
 * HTTP plumbing of the sandbox: routing, parameter parsing (query string and POST body, the
 * way PHP fills $_GET/$_POST), authentication and sub-accounts (annex 14), injected faults,
 * answer serialisation, request log, and the control API under /_sandbox/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { serialiseAnswer, JSON_CONTENT_TYPE } from './answers';
import {
	BASE_PATH_METHOD,
	resolveMethod,
	type MethodContext,
	type MethodDefinition,
} from './methods';
import type { Account, BlacklistComment, CreateAccountInput, SandboxState } from './state';
import { AUTH_FAILED_TEXT, STATUS, subAccountNotAttachedText } from './statuses';
import {
	FaultQueue,
	HTML_CONTENT_TYPE,
	faultFromJson,
	faultHappensBeforeWork,
	replyAfterWork,
	replyBeforeWork,
	type FaultyReply,
} from './faults';
import type { Fault, FaultStatus, RecordedRequest, ReturnFormat } from './types';
import { accountPage } from './accountPage';
import { reportsControl } from './reportsControl';
import { handleWebhookControl } from './webhooks';
import { voiceControl } from './voiceControl';

export const API_BASE_PATH = '/http/9.0';
const CONTROL_PREFIX = '/_sandbox';
/**
 * Manual 7.1 (line 306): "méthode http GET limitée à 1024 caractères". Measured on the request
 * target (path and query string), the part of the URL a server sees.
 */
export const GET_URL_LIMIT = 1024;
const BODY_LIMIT = 20 * 1024 * 1024;

export interface SandboxServerOptions {
	state: SandboxState;
	/** Called by POST /_sandbox/reset after the state is emptied (re-seeds the demo account). */
	onReset?: () => void;
}

export class SandboxServer {
	readonly state: SandboxState;
	readonly requests: RecordedRequest[] = [];
	readonly http: Server;
	private readonly faults = new FaultQueue();
	private readonly onReset: (() => void) | undefined;

	constructor(options: SandboxServerOptions) {
		this.state = options.state;
		this.onReset = options.onReset;
		this.http = createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				process.stderr.write(
					`[allmysms-sandbox] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
				);
				if (!response.headersSent)
					send(response, 500, HTML_CONTENT_TYPE, htmlPage(500, 'Internal Server Error'));
				else response.destroy();
			});
		});
	}

	/** Queues a fault (faults.ts); returns it with its counters. */
	injectFault(fault: Fault): FaultStatus {
		return this.faults.add(fault);
	}

	/** Every fault queued since the last clear, spent ones included, with their counters. */
	listFaults(): FaultStatus[] {
		return this.faults.list();
	}

	clearFaults(): number {
		return this.faults.clear();
	}

	/* ------------------------------------------------------------------------------------ */

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const body = await readBody(request);
		const rawUrl = request.url ?? '/';
		const queryStart = rawUrl.indexOf('?');
		const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
		const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);
		const httpMethod = (request.method ?? 'GET').toUpperCase();

		if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
			// A browser (it asks for HTML) gets pages where there are some: where they live.
			const pageBase = /text\/html/.test(String(request.headers.accept ?? ''))
				? `http://${String(request.headers.host ?? 'localhost')}${CONTROL_PREFIX}`
				: undefined;
			return this.control(httpMethod, path.slice(CONTROL_PREFIX.length), body, response, pageBase);
		}

		const headers = lowerCaseHeaders(request);
		const query = parseUrlEncoded(rawQuery);
		// PHP only fills $_POST for POST requests, from url-encoded or multipart bodies.
		const form = httpMethod === 'POST' ? parseBody(headers['content-type'], body) : {};
		const params = { ...query, ...form };
		const definition = routeApi(path);
		const record: RecordedRequest = {
			httpMethod,
			path,
			apiMethod: definition?.name,
			headers,
			query,
			form,
			params,
			answer: { httpStatus: 0, contentType: '', body: '' },
		};
		this.requests.push(record);
		const reply = (
			httpStatus: number,
			contentType: string,
			text: string,
			extraHeaders: Record<string, string> = {},
		): void => {
			record.answer = { httpStatus, contentType, body: text };
			send(response, httpStatus, contentType, text, extraHeaders);
		};

		// Where the manual is silent: a GET over the documented limit is refused by the web server, before any
		// routing or work (like Apache's LimitRequestLine), rather than silently cut.
		if (httpMethod === 'GET' && rawUrl.length > GET_URL_LIMIT) {
			return reply(
				414,
				HTML_CONTENT_TYPE,
				htmlPage(
					414,
					'Request-URI Too Long',
					`GET requests are limited to ${GET_URL_LIMIT} characters: use POST.`,
				),
			);
		}
		if (!definition) return reply(404, HTML_CONTENT_TYPE, htmlPage(404, 'Not Found'));
		if (httpMethod !== 'GET' && httpMethod !== 'POST') {
			return reply(405, HTML_CONTENT_TYPE, htmlPage(405, 'Method Not Allowed'), {
				Allow: 'GET, POST',
			});
		}

		const fault = this.faults.take(definition.name);
		if (fault) record.fault = fault;
		if (fault && faultHappensBeforeWork(fault)) {
			await sleep(fault.delayMs ?? 0);
			return this.sendFaulty(replyBeforeWork(fault), request, reply);
		}

		// After the work, an injected delay holds the answer; the sending guards wait it out
		// before marking the request done (MethodContext.holdAnswer).
		let held = false;
		const holdAnswer = async (): Promise<void> => {
			if (held) return;
			held = true;
			if (fault?.delayMs) await sleep(fault.delayMs);
		};
		const format: ReturnFormat =
			!definition.jsonOnly && params.returnformat?.toLowerCase() === 'xml' ? 'xml' : 'json';
		let answer: Record<string, unknown>;
		try {
			answer = await this.runMethod(definition, params, headers, record, holdAnswer);
		} catch (error) {
			process.stderr.write(
				`[allmysms-sandbox] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			return reply(500, HTML_CONTENT_TYPE, htmlPage(500, 'Internal Server Error'));
		}
		await holdAnswer();
		const serialise = (as: ReturnFormat) =>
			serialiseAnswer(definition.xmlRoot ?? definition.name, answer, as);
		const normal = serialise(format);
		const faulty = replyAfterWork(fault, normal, serialise);
		if (fault && fault.mode !== 'slow') record.lostAnswer = normal;
		// Every API answer is HTTP 200, errors included (the API reports errors in its body).
		return this.sendFaulty(faulty, request, reply);
	}

	private sendFaulty(
		faulty: FaultyReply,
		request: IncomingMessage,
		reply: (httpStatus: number, contentType: string, text: string) => void,
	): void {
		if (faulty.kind === 'reset') {
			request.socket.destroy();
			return;
		}
		reply(faulty.httpStatus, faulty.contentType, faulty.body);
	}

	private async runMethod(
		definition: MethodDefinition,
		params: Record<string, string>,
		headers: Record<string, string>,
		record: RecordedRequest,
		holdAnswer: () => Promise<void>,
	): Promise<Record<string, unknown>> {
		const authenticated = this.state.authenticate(params.login, params.apiKey);
		if (!authenticated) return authError(definition, AUTH_FAILED_TEXT);
		let account: Account = authenticated;
		// Annex 14: header Allmysms-Subaccount (preferred, wins) or parameter subAccount.
		const subAccountLogin =
			headers['allmysms-subaccount'] ||
			(definition.subAccountParamIsTarget ? undefined : params.subAccount);
		if (subAccountLogin) {
			const subAccount = this.state.subAccountOf(authenticated, subAccountLogin);
			if (!subAccount) return authError(definition, subAccountNotAttachedText(subAccountLogin));
			account = subAccount;
		}
		const context: MethodContext = {
			state: this.state,
			apiMethod: definition.name,
			params,
			headers,
			account,
			authenticated,
			recordFlow: (flow) => {
				record.smsData = flow;
			},
			holdAnswer,
		};
		return definition.handle(context);
	}

	/* ------------------------------------------------------------------------------------ */
	/* Control API                                                                            */
	/* ------------------------------------------------------------------------------------ */

	private control(
		httpMethod: string,
		path: string,
		body: Buffer,
		response: ServerResponse,
		pageBase?: string,
	): void {
		const json = (status: number, value: unknown): void =>
			send(response, status, JSON_CONTENT_TYPE, JSON.stringify(value));
		const route = `${httpMethod} ${path.replace(/\/+$/, '')}`;
		let input: unknown;
		if (httpMethod === 'POST' && body.length > 0) {
			try {
				input = JSON.parse(body.toString('utf8'));
			} catch {
				return json(400, { error: 'body must be JSON' });
			}
		}
		const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<
			string,
			unknown
		>;

		if (route === 'GET /requests') return json(200, this.requests);
		if (route === 'DELETE /requests') {
			const cleared = this.requests.length;
			this.requests.length = 0;
			return json(200, { cleared });
		}
		if (route === 'GET /faults') return json(200, this.listFaults());
		if (route === 'DELETE /faults') return json(200, { cleared: this.clearFaults() });
		if (route === 'POST /faults') {
			let queued: FaultStatus;
			try {
				queued = this.injectFault(faultFromJson(fields));
			} catch (error) {
				return json(400, { error: error instanceof Error ? error.message : String(error) });
			}
			return json(201, { queued, faults: this.listFaults() });
		}
		if (route === 'POST /reset') {
			this.state.reset();
			this.requests.length = 0;
			this.clearFaults();
			this.onReset?.();
			return json(200, { reset: true });
		}
		if (route === 'POST /accounts') {
			if (typeof fields.login !== 'string' || typeof fields.apiKey !== 'string')
				return json(400, { error: 'login and apiKey (strings) are required' });
			if (this.state.findAccount(fields.login))
				return json(409, { error: `account ${fields.login} already exists` });
			try {
				this.state.createAccount(toAccountInput(fields));
			} catch (error) {
				return json(400, { error: error instanceof Error ? error.message : String(error) });
			}
			return json(201, this.state.snapshot(fields.login));
		}
		const accountRoute = /^(GET|POST) \/accounts\/([^/]+)(\/blacklist)?$/.exec(route);
		if (accountRoute) {
			const login = decodeURIComponent(accountRoute[2]);
			if (!this.state.findAccount(login)) return json(404, { error: `unknown account ${login}` });
			if (accountRoute[1] === 'GET' && !accountRoute[3]) {
				// A person's browser gets a page; scripts and tests keep the JSON.
				if (pageBase)
					return send(
						response,
						200,
						'text/html; charset=utf-8',
						accountPage(this.state.snapshot(login), pageBase),
					);
				return json(200, this.state.snapshot(login));
			}
			if (accountRoute[1] === 'POST' && accountRoute[3]) {
				const comment = fields.comment ?? 'manual unsubscribe';
				if (
					typeof fields.phone !== 'string' ||
					(comment !== 'stop' && comment !== 'Refused' && comment !== 'manual unsubscribe')
				) {
					return json(400, {
						error: 'phone (string) required; comment: stop | Refused | manual unsubscribe',
					});
				}
				return json(201, this.state.blacklist(login, fields.phone, comment as BlacklistComment));
			}
		}
		const reportsAnswer = reportsControl(this.state, route, fields);
		if (reportsAnswer) return json(reportsAnswer.status, reportsAnswer.body);
		if (handleWebhookControl(this.state, route, fields, json)) return;
		const voiceAnswer = voiceControl(this.state, route, fields);
		if (voiceAnswer) return json(voiceAnswer.status, voiceAnswer.body);
		return json(404, { error: `no control route ${route}` });
	}
}

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                    */
/* ---------------------------------------------------------------------------------------- */

/**
 * `/http/9.0` or `/http/9.0/` → simpleSms; `/http/9.0/<method>` with an optional trailing
 * slash → that method, case-insensitive (the manual writes deleteblacklistentry,
 * getshorturldomains). Anything else → undefined (404).
 */
function routeApi(path: string): MethodDefinition | undefined {
	if (path === API_BASE_PATH || path === `${API_BASE_PATH}/`) return BASE_PATH_METHOD;
	const match = new RegExp(`^${API_BASE_PATH.replace(/\./g, '\\.')}/([A-Za-z]+)/?$`).exec(path);
	return match ? resolveMethod(match[1]) : undefined;
}

function authError(definition: MethodDefinition, text: string): Record<string, unknown> {
	if (definition.authErrorAnswer) return definition.authErrorAnswer(text);
	return definition.authErrorShape === 'status'
		? { status: STATUS.AUTH, statusText: text }
		: { error: text };
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined)
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/**
 * application/x-www-form-urlencoded, decoded like PHP: `+` is a space, invalid `%` sequences
 * stay as they are, a repeated name keeps its last value.
 */
export function parseUrlEncoded(text: string): Record<string, string> {
	const result: Record<string, string> = {};
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		const equals = pair.indexOf('=');
		const name = phpUrlDecode(equals === -1 ? pair : pair.slice(0, equals));
		if (name === '') continue;
		result[name] = equals === -1 ? '' : phpUrlDecode(pair.slice(equals + 1));
	}
	return result;
}

function phpUrlDecode(text: string): string {
	const plain = text.includes('+') ? text.replace(/\+/g, ' ') : text;
	if (!plain.includes('%')) return plain;
	// Every % followed by two hex digits and the bytes valid UTF-8: what decodeURIComponent does,
	// much faster than byte by byte (a 5,000-recipient smsData is 400 KB of %XX).
	if (!/%(?![0-9a-fA-F]{2})/.test(plain)) {
		try {
			return decodeURIComponent(plain);
		} catch {
			// Invalid UTF-8: decoded byte by byte below, as PHP does.
		}
	}
	const bytes: number[] = [];
	for (let i = 0; i < plain.length; i++) {
		const character = plain[i];
		if (character === '%' && /^[0-9a-fA-F]{2}$/.test(plain.slice(i + 1, i + 3))) {
			bytes.push(Number.parseInt(plain.slice(i + 1, i + 3), 16));
			i += 2;
			continue;
		}
		const codePoint = plain.codePointAt(i) ?? 0;
		if (codePoint > 0xffff) i++;
		bytes.push(...Buffer.from(String.fromCodePoint(codePoint), 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** POST body parameters: url-encoded or multipart/form-data text fields; any other body is ignored (like $_POST). */
function parseBody(contentType: string | undefined, body: Buffer): Record<string, string> {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return parseUrlEncoded(body.toString('utf8'));
	if (type === 'multipart/form-data') {
		const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
		return boundary ? parseMultipart(body, (boundary[1] ?? boundary[2]).trim()) : {};
	}
	return {};
}

function parseMultipart(body: Buffer, boundary: string): Record<string, string> {
	const result: Record<string, string> = {};
	const delimiter = Buffer.from(`--${boundary}`);
	let position = body.indexOf(delimiter);
	while (position !== -1) {
		const partStart = position + delimiter.length;
		if (body.subarray(partStart, partStart + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, partStart);
		if (next === -1) break;
		const part = body.subarray(partStart, next);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const partHeaders = part.subarray(0, headerEnd).toString('utf8');
			const disposition = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(partHeaders);
			const isFile = /content-disposition:[^\r\n]*?\bfilename=/i.test(partHeaders);
			let value = part.subarray(headerEnd + 4);
			if (value.subarray(value.length - 2).toString() === '\r\n')
				value = value.subarray(0, value.length - 2);
			if (disposition && !isFile) result[disposition[1]] = value.toString('utf8');
		}
		position = next;
	}
	return result;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > BODY_LIMIT) {
				reject(new Error('request body too large'));
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function send(
	response: ServerResponse,
	status: number,
	contentType: string,
	body: string,
	extraHeaders: Record<string, string> = {},
): void {
	response.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
		...extraHeaders,
	});
	response.end(body);
}

function htmlPage(
	status: number,
	title: string,
	text = 'The requested URL was not served by this server.',
): string {
	return `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function toAccountInput(fields: Record<string, unknown>): CreateAccountInput {
	const text = (key: string): string | undefined =>
		typeof fields[key] === 'string' ? (fields[key] as string) : undefined;
	const alerting = fields.alerting;
	return {
		login: String(fields.login),
		apiKey: String(fields.apiKey),
		credits: typeof fields.credits === 'number' ? fields.credits : undefined,
		firstName: text('firstName'),
		lastName: text('lastName'),
		society: text('society'),
		email: text('email'),
		alerting: alerting === 0 || alerting === 1 || alerting === 2 ? alerting : undefined,
		subAccountOf: text('subAccountOf'),
	};
}
