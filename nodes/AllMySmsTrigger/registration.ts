import { randomBytes } from 'crypto';

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { redact } from '../AllMySms/shared/redact';
import { callApi } from '../AllMySms/shared/transport';
import { EVENT_PARAMETER, EVENT_TYPES, SECRET_PARAMETER } from './events';
import type { EventType } from './events';

/**
 * The trigger's webhook lifecycle (manual 41-43). An account (or sub-account: the credential's
 * header makes every call act for it) has ONE delivery report URL and ONE reply URL. Activation
 * points the chosen ones at this workflow; deactivation puts back what was there before, which
 * is kept in the node's static data, because users often had a URL set in the AllMySMS manager.
 */

/** What the node's static data keeps per event type while the workflow is registered. */
interface Registration extends IDataObject {
	/** The URL configured for this workflow. */
	url: string;
	/** The URL the account had before ('' for none), put back on deactivation. */
	previousUrl: string;
}

type Registrations = Partial<Record<EventType, Registration>>;

const STATIC_KEY = 'allMySmsWebhooks';

const LABELS: Record<EventType, string> = { dlr: 'delivery report', mo: 'reply' };

const ANSWER_KEYS: Record<EventType, string> = { dlr: 'webhookDlr', mo: 'webhookMo' };

function registrations(context: IHookFunctions): Registrations {
	const data = context.getWorkflowStaticData('node');
	if (!data[STATIC_KEY] || typeof data[STATIC_KEY] !== 'object') data[STATIC_KEY] = {};
	return data[STATIC_KEY] as Registrations;
}

export function selectedEventTypes(context: IHookFunctions | IWebhookFunctions): EventType[] {
	let chosen: unknown;
	try {
		chosen = context.getNodeParameter('events', []);
	} catch {
		chosen = [];
	}
	const list = Array.isArray(chosen) ? chosen : [chosen];
	return EVENT_TYPES.filter((type) => list.includes(type));
}

/** Where the secret made at activation is kept, when the user set none. */
const GENERATED_SECRET_KEY = 'allMySmsSecret';

function ownSecretOf(context: IHookFunctions | IWebhookFunctions): string {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return typeof options.secret === 'string' ? options.secret : '';
}

/**
 * The secret the registered URLs carry: the one the user set, or else the one the trigger made
 * itself at activation (kept in the node's static data). '' when neither exists yet.
 */
export function secretOf(context: IHookFunctions | IWebhookFunctions): string {
	const own = ownSecretOf(context);
	if (own) return own;
	const generated = context.getWorkflowStaticData('node')[GENERATED_SECRET_KEY];
	return typeof generated === 'string' ? generated : '';
}

/**
 * With no secret set, the trigger is still protected: activation makes an unguessable one (192
 * random bits) and keeps it, so that the URL stays the same across restarts and only AllMySMS,
 * which was given it, can start the workflow.
 */
function ensureSecret(context: IHookFunctions): void {
	if (ownSecretOf(context)) return;
	const data = context.getWorkflowStaticData('node');
	if (typeof data[GENERATED_SECRET_KEY] !== 'string' || data[GENERATED_SECRET_KEY] === '') {
		data[GENERATED_SECRET_KEY] = randomBytes(24).toString('base64url');
	}
}

/**
 * The URL registered for one event type: n8n's URL for this node (the test URL while listening
 * for a test event), plus `event=dlr|mo`, plus the secret when one is set.
 */
export function registeredUrl(context: IHookFunctions, type: EventType): string {
	const base = context.getNodeWebhookUrl('default');
	if (!base)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for this node');
	const secret = secretOf(context);
	const query = `${EVENT_PARAMETER}=${type}${secret ? `&${SECRET_PARAMETER}=${encodeURIComponent(secret)}` : ''}`;
	return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/** Same endpoint, whatever the query (a changed secret) or a trailing slash. */
function sameEndpoint(a: string, b: string): boolean {
	const endpoint = (url: string) => url.trim().split(/[?#]/)[0].replace(/\/+$/, '');
	return a.trim() !== '' && endpoint(a) === endpoint(b);
}

async function currentUrls(context: IHookFunctions): Promise<Record<EventType, string>> {
	const answer = await callApi.call(context, 'getWebhook', {});
	const read = (type: EventType) => {
		const value = answer[ANSWER_KEYS[type]];
		return typeof value === 'string' ? value.trim() : '';
	};
	return { dlr: read('dlr'), mo: read('mo') };
}

async function configure(context: IHookFunctions, type: EventType, url: string): Promise<void> {
	await callApi.call(context, 'configureWebhook', { params: { type, url } });
}

/** An error's message for ours: without the "AllMySMS: " prefix, nor the trigger's secret. */
function reasonOf(context: IHookFunctions, error: unknown): string {
	return redact(String((error as Error).message ?? error).replace(/^AllMySMS: /, ''), [
		secretOf(context),
	]);
}

/** checkExists: the account already points every chosen event type at this workflow's URL. */
export async function webhooksExist(this: IHookFunctions): Promise<boolean> {
	const types = selectedEventTypes(this);
	// No secret yet (a workflow activated before the trigger made its own): register again, with one.
	if (types.length === 0 || secretOf(this) === '') return false;
	const current = await currentUrls(this);
	return types.every((type) => current[type] === registeredUrl(this, type));
}

/**
 * create: configureWebhook for each chosen event type, remembering the URL it replaces (unless
 * that was already this node's, with another secret: then the one remembered before stays).
 * Each registration is recorded as soon as it succeeds, so that a failure on the second type
 * still lets deactivation restore the first.
 */
export async function createWebhooks(this: IHookFunctions): Promise<boolean> {
	const types = selectedEventTypes(this);
	if (types.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event in "Trigger On"');
	}
	ensureSecret(this);
	const current = await currentUrls(this);
	const known = registrations(this);
	for (const type of types) {
		const url = registeredUrl(this, type);
		const existing = current[type];
		const previousUrl = sameEndpoint(existing, url) ? (known[type]?.previousUrl ?? '') : existing;
		if (existing !== url) {
			try {
				await configure(this, type, url);
			} catch (error) {
				throw new NodeOperationError(
					this.getNode(),
					`AllMySMS refused the ${LABELS[type]} URL: ${reasonOf(this, error)}`,
					{
						description:
							`AllMySMS calls ${url.split('?')[0]} before accepting it and needs the answer "OK" within 5 seconds, ` +
							'so this n8n must be reachable from the internet at that address (check WEBHOOK_URL). ' +
							'For an n8n that AllMySMS cannot reach, use the AllMySMS Polling Trigger to receive replies.',
					},
				);
			}
		}
		known[type] = { url, previousUrl };
	}
	return true;
}

/**
 * delete: for every event type this node registered (or chose), if the account still points at
 * this node's URL, put back the previous URL, or remove the webhook when there was none. A URL
 * someone set since then is left alone. When the previous URL cannot be put back (AllMySMS
 * checks it too, and it may no longer answer), the webhook is removed and the error says which
 * URL to set again.
 */
export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const known = registrations(this);
	const types = EVENT_TYPES.filter(
		(type) => known[type] !== undefined || selectedEventTypes(this).includes(type),
	);
	if (types.length === 0) return true;
	const current = await currentUrls(this);
	const problems: string[] = [];
	for (const type of types) {
		const registration = known[type];
		const ours = registration?.url ?? registeredUrl(this, type);
		if (!sameEndpoint(current[type], ours)) {
			delete known[type];
			continue;
		}
		const previousUrl = registration?.previousUrl ?? '';
		try {
			if (previousUrl) {
				try {
					await configure(this, type, previousUrl);
				} catch (error) {
					await callApi.call(this, 'deleteWebhook', { params: { type } });
					problems.push(
						`the previous ${LABELS[type]} URL ${previousUrl} could not be put back (${reasonOf(this, error)}); the webhook was removed instead`,
					);
				}
			} else {
				await callApi.call(this, 'deleteWebhook', { params: { type } });
			}
			delete known[type];
		} catch (error) {
			problems.push(`the ${LABELS[type]} webhook could not be removed (${reasonOf(this, error)})`);
		}
	}
	if (problems.length > 0) {
		throw new NodeOperationError(this.getNode(), `AllMySMS webhooks: ${problems.join('; ')}`, {
			description:
				'Check the webhook URLs in the AllMySMS manager, or with the AllMySMS node (Webhook > Get).',
		});
	}
	return true;
}
