/**
 * Webhooks (manual 7.5, 14.3, 41-43): the check configureWebhook makes before accepting a URL,
 * and the pushes of delivery reports (DLR) and replies (MO) to the URLs an account configured.
 *
 * One `WebhookPusher` per state (`webhookPusher(state)`), listening to the state's events from
 * the start (`startSandbox` creates it): whatever emits a `dlr` or `mo` event (the ack and reply
 * helpers, the control API) gets it pushed to the URL of the account the SMS belongs to.
 */
import { formatApiDate } from './rules';
import { ACK_STATUS_TEXTS } from './state';
import type { Account, Reply, SandboxEvent, SandboxState, SmsRecord } from './state';

export type WebhookType = 'dlr' | 'mo';

/** 42.1: "l'URL doit répondre en moins de 5 secondes et doit impérativement retourner "OK"". */
export const WEBHOOK_ANSWER_TIMEOUT_MS = 5_000;

const USER_AGENT = 'AllMySMS-Webhook/9.0 (sandbox)';

/** One outgoing call of the sandbox, kept for tests (`sandbox.webhooks.calls`, `GET /_sandbox/webhook-calls`). */
export interface WebhookCall {
	/** `verification`: the configureWebhook check; `dlr`/`mo`: an event push. */
	kind: 'verification' | WebhookType;
	/** Account whose webhook it is (the sub-account for a sub-account's URL). */
	login: string;
	/** The full URL called (GET). */
	url: string;
	/** The parameters added to the URL (none for a verification). */
	params: Record<string, string>;
	/** Wall-clock time of the call (ISO 8601). */
	at: string;
	/** 0 when no answer came (timeout, refused connection). */
	httpStatus: number;
	/** The answer's body, cut at 1,000 characters. */
	body: string;
	/** Why the call failed, when it did: timeout, network error, or an answer that is not OK. */
	error?: string;
	/** For a network error, Node's code (ECONNREFUSED…). */
	errorCode?: string;
	/** The URL answered 2xx and "OK" within the time limit. */
	ok: boolean;
}

export function parseWebhookType(value: string | undefined): WebhookType | undefined {
	const type = (value ?? '').trim().toLowerCase();
	return type === 'dlr' || type === 'mo' ? type : undefined;
}

/** 7.5: smsId, status, statusText, receptionDate, phoneNumber (international), campaignId. */
export function deliveryReportParams(sms: SmsRecord): Record<string, string> {
	return {
		smsId: sms.smsId,
		status: sms.ackStatus === null ? '' : String(sms.ackStatus),
		statusText: sms.ackStatus === null ? '' : ACK_STATUS_TEXTS[sms.ackStatus],
		receptionDate: sms.receptionDate ? formatApiDate(sms.receptionDate) : '',
		phoneNumber: sms.phoneNumber,
		campaignId: sms.campaignId,
	};
}

/**
 * 14.3: smsId, smsMoId, receptionDate, phoneNumber, campaignId, message. The manual prints
 * `smsMold`; decision: that is an OCR slip for `smsMoId` ("Identifiant unique de la réponse"),
 * which the sandbox sends.
 */
export function replyParams(reply: Reply): Record<string, string> {
	return {
		smsId: reply.smsId,
		smsMoId: reply.id,
		receptionDate: formatApiDate(reply.receptionDate),
		phoneNumber: reply.phoneNumber,
		campaignId: reply.campaignId,
		message: reply.message,
	};
}

/** Where the manual is silent: parameters are appended with `&` when the URL already has a query string, `?` otherwise. */
export function withParams(url: string, params: Record<string, string>): string {
	const query = new URLSearchParams(params).toString();
	if (query === '') return url;
	const [base, fragment] = url.split('#', 2);
	const joined = `${base}${base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'}${query}`;
	return fragment === undefined ? joined : `${joined}#${fragment}`;
}

export function isWebhookUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

export class WebhookPusher {
	/** How long a URL has to answer (42.1: 5 s). Tests may lower it. */
	answerTimeoutMs = WEBHOOK_ANSWER_TIMEOUT_MS;
	readonly calls: WebhookCall[] = [];
	private readonly inFlight = new Set<Promise<WebhookCall>>();

	constructor(private readonly state: SandboxState) {
		state.onEvent((event) => this.onEvent(event));
	}

	/**
	 * The configureWebhook check: a GET to the URL as given, without parameters (the manual does
	 * not say what AllMySMS sends; decision: nothing), which must answer 2xx and "OK" (trimmed,
	 * case-sensitive) within the time limit.
	 */
	verify(login: string, url: string): Promise<WebhookCall> {
		return this.track(this.call('verification', login, url, {}));
	}

	/**
	 * Pushes an event to the account's configured URL for that type, as AllMySMS would. Resolves
	 * with the call, or undefined when the account has no URL for it (nothing is sent). No retry:
	 * the manual documents none.
	 */
	push(
		account: Account,
		type: WebhookType,
		params: Record<string, string>,
	): Promise<WebhookCall | undefined> {
		const url = account.webhooks[type];
		if (!url) return Promise.resolve(undefined);
		return this.track(this.call(type, account.login, url, params));
	}

	/** Resolves when every call started so far has finished (tests wait on it). */
	async settled(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	clear(): void {
		this.calls.length = 0;
	}

	private onEvent(event: SandboxEvent): void {
		const account = this.state.findAccount(event.login);
		if (!account) return;
		const params =
			event.type === 'dlr' ? deliveryReportParams(event.sms) : replyParams(event.reply);
		void this.push(account, event.type, params);
	}

	private track(promise: Promise<WebhookCall>): Promise<WebhookCall> {
		this.inFlight.add(promise);
		void promise.finally(() => this.inFlight.delete(promise));
		return promise;
	}

	private async call(
		kind: WebhookCall['kind'],
		login: string,
		url: string,
		params: Record<string, string>,
	): Promise<WebhookCall> {
		const target = withParams(url, params);
		const call: WebhookCall = {
			kind,
			login,
			url: target,
			params,
			at: new Date().toISOString(),
			httpStatus: 0,
			body: '',
			ok: false,
		};
		this.calls.push(call);
		try {
			const response = await fetch(target, {
				method: 'GET',
				headers: { 'User-Agent': USER_AGENT },
				redirect: 'manual',
				signal: AbortSignal.timeout(this.answerTimeoutMs),
			});
			call.httpStatus = response.status;
			const body = await response.text();
			call.body = body.slice(0, 1000);
			call.ok = response.status >= 200 && response.status < 300 && body.trim() === 'OK';
			if (!call.ok)
				call.error = `answered HTTP ${response.status} "${call.body.trim().slice(0, 100)}" instead of "OK"`;
		} catch (error) {
			const cause = error as Error & { cause?: { code?: string } };
			call.error =
				cause.name === 'TimeoutError' || cause.name === 'AbortError'
					? `no answer within ${this.answerTimeoutMs / 1000} seconds`
					: 'could not be reached';
			call.errorCode = cause.cause?.code ?? cause.message;
		}
		return call;
	}
}

const pushers = new WeakMap<SandboxState, WebhookPusher>();

/** The state's pusher, created (and listening) on first use. */
export function webhookPusher(state: SandboxState): WebhookPusher {
	let pusher = pushers.get(state);
	if (!pusher) {
		pusher = new WebhookPusher(state);
		pushers.set(state, pusher);
	}
	return pusher;
}

/**
 * Control API routes of the webhooks (JSON, outside /http/9.0):
 * - `POST /accounts/<login>/webhook-push` `{type: "dlr"|"mo", …parameters}`: pushes an event to
 *   the account's configured URL, as AllMySMS would, and answers the call (200), 409 when no URL
 *   is configured for that type. With the `smsId` of an SMS of the sandbox, the missing
 *   parameters come from that SMS (its ack for a DLR; its number and campaign for a reply);
 *   the state does not change.
 * - `GET /webhook-calls` / `DELETE /webhook-calls`: every outgoing call / forget them.
 * Returns false when the route is not one of these.
 */
export function handleWebhookControl(
	state: SandboxState,
	route: string,
	fields: Record<string, unknown>,
	json: (status: number, value: unknown) => void,
): boolean {
	const pusher = webhookPusher(state);
	if (route === 'GET /webhook-calls') {
		json(200, pusher.calls);
		return true;
	}
	if (route === 'DELETE /webhook-calls') {
		const cleared = pusher.calls.length;
		pusher.clear();
		json(200, { cleared });
		return true;
	}
	const match = /^POST \/accounts\/([^/]+)\/webhook-push$/.exec(route);
	if (!match) return false;
	const account = state.findAccount(decodeURIComponent(match[1]));
	if (!account) {
		json(404, { error: `unknown account ${decodeURIComponent(match[1])}` });
		return true;
	}
	const type = parseWebhookType(typeof fields.type === 'string' ? fields.type : undefined);
	if (!type) {
		json(400, { error: 'type: "dlr" or "mo" required' });
		return true;
	}
	if (!account.webhooks[type]) {
		json(409, { error: `account ${account.login} has no ${type} webhook configured` });
		return true;
	}
	const given = Object.fromEntries(
		Object.entries(fields)
			.filter(([name, value]) => name !== 'type' && value !== undefined && value !== null)
			.map(([name, value]) => [name, String(value)]),
	);
	void pusher
		.push(account, type, controlParams(state, type, given))
		.then((call) => json(200, call));
	return true;
}

/**
 * The parameters of a pushed event, in the manual's order: those given, then those of the SMS
 * named by `smsId` when the sandbox has it, then defaults (reception date now, annex 3 text for
 * the status, a reply id). Parameters the manual does not name are sent too, after them.
 */
function controlParams(
	state: SandboxState,
	type: WebhookType,
	given: Record<string, string>,
): Record<string, string> {
	const sms = given.smsId ? state.sms(given.smsId) : undefined;
	const now = formatApiDate(state.now());
	let params: Record<string, string>;
	if (type === 'dlr') {
		const fromSms = sms ? deliveryReportParams(sms) : {};
		const status = given.status ?? fromSms.status ?? '1';
		const statusText =
			given.statusText ??
			(given.status === undefined ? fromSms.statusText : undefined) ??
			ACK_STATUS_TEXTS[Number(status) as keyof typeof ACK_STATUS_TEXTS] ??
			'';
		params = {
			smsId: given.smsId ?? '',
			status,
			statusText,
			receptionDate: given.receptionDate ?? (fromSms.receptionDate || now),
			phoneNumber: given.phoneNumber ?? fromSms.phoneNumber ?? '',
			campaignId: given.campaignId ?? fromSms.campaignId ?? '',
		};
	} else {
		params = {
			smsId: given.smsId ?? '',
			smsMoId: given.smsMoId ?? String(Math.floor(Math.random() * 1e9)),
			receptionDate: given.receptionDate ?? now,
			phoneNumber: given.phoneNumber ?? sms?.phoneNumber ?? '',
			campaignId: given.campaignId ?? sms?.campaignId ?? '',
			message: given.message ?? '',
		};
	}
	return { ...params, ...given };
}
