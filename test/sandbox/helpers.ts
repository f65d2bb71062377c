import { XMLParser } from 'fast-xml-parser';
import { startSandbox, type Sandbox } from '../../sandbox';

/** A controllable clock: 2025-06-02 12:00:00 in Paris (10:00 UTC), a Monday. */
export class FakeClock {
	private time = Date.parse('2025-06-02T10:00:00Z');
	now = (): Date => new Date(this.time);
	advance(ms: number): void {
		this.time += ms;
	}
}

export interface TestSandbox {
	sandbox: Sandbox;
	clock: FakeClock;
}

export const LOGIN = 'jdoe';
export const API_KEY = 'vikmakey';

/** Sandbox with a fake clock and one account `jdoe` (10,000 credits) with a sub-account `jdoe_subaccount` (300 credits). */
export async function startTestSandbox(): Promise<TestSandbox> {
	const clock = new FakeClock();
	const sandbox = await startSandbox({ port: 0, now: clock.now });
	sandbox.state.createAccount({
		login: LOGIN,
		apiKey: API_KEY,
		credits: 10_000,
		firstName: 'Marc',
		lastName: 'Dupont',
		society: 'allmysms.com',
		email: 'support@allmysms.com',
		alerting: 1,
	});
	sandbox.state.createAccount({
		login: 'jdoe_subaccount',
		apiKey: 'sub-key',
		credits: 300,
		subAccountOf: LOGIN,
	});
	return { sandbox, clock };
}

export interface Answer {
	status: number;
	contentType: string;
	text: string;
	/** Parsed JSON body (undefined when not JSON). */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

/** POST application/x-www-form-urlencoded, like the manual recommends. */
export async function post(
	sandbox: Sandbox,
	path: string,
	params: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method: 'POST',
		body: new URLSearchParams(params),
		headers,
	});
	return toAnswer(response);
}

/** GET with the parameters in the query string (raw query appended as is when a string). */
export async function get(
	sandbox: Sandbox,
	path: string,
	query: Record<string, string> | string,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const search = typeof query === 'string' ? query : new URLSearchParams(query).toString();
	const response = await fetch(`${sandbox.baseUrl}${path}?${search}`, { headers });
	return toAnswer(response);
}

async function toAnswer(response: Response): Promise<Answer> {
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		// not JSON
	}
	return {
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		text,
		json,
	};
}

/** sendSms with the account's credentials and a JSON flow. */
export function sendJson(
	sandbox: Sandbox,
	data: Record<string, unknown>,
	extra: Record<string, string> = {},
	headers: Record<string, string> = {},
): Promise<Answer> {
	return post(
		sandbox,
		'/sendSms/',
		{ login: LOGIN, apiKey: API_KEY, smsData: JSON.stringify({ DATA: data }), ...extra },
		headers,
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseXml(text: string): any {
	return new XMLParser({
		parseTagValue: false,
		isArray: (name) => ['sms', 'discardedNumber'].includes(name),
	}).parse(text);
}

export function repeat(character: string, count: number): string {
	return character.repeat(count);
}
