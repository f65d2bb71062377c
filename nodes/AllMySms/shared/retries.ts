import type { INodeProperties } from 'n8n-workflow';

import type { ApiMethodName } from './apiMethods';

/**
 * How long a request may take and how often callApi (transport.ts) tries it again.
 *
 * What is tried again: a network error (connection refused or reset, DNS), a timeout, an HTTP
 * 5xx (or 408/429) and an answer that cannot be read (an HTML page, cut JSON). Never an answer
 * in which AllMySMS says no (an annex 2 status, an `error` field): that one is final.
 *
 * Who is tried again:
 * - reads, freely (asking twice changes nothing);
 * - getPulls, which hands each reply out once and never again (14.1), only when the request
 *   provably never reached AllMySMS: a repeat after a lost answer would come back with the next
 *   replies, and the lost ones would go unnoticed. The error says how to find them;
 * - sends (sendSms, simpleSms, sendVocal, simpleVocal), always with their unique identifier
 *   (idempotency.ts): a repeat can only give the original result back, never send again;
 * - writes that give the same result when repeated (populateList counts a re-added contact as
 *   duplicated, configureWebhook sets the same URL…), freely;
 * - the other writes (credits moved, a sub-account or list created or deleted, a campaign
 *   deleted): only when the request provably never reached AllMySMS (connection refused, no DNS).
 */

export type RetryKind = 'read' | 'consumingRead' | 'send' | 'idempotentWrite' | 'write';

const KINDS: Partial<Record<ApiMethodName, RetryKind>> = {
	getPulls: 'consumingRead',
	sendSms: 'send',
	simpleSms: 'send',
	sendVocal: 'send',
	simpleVocal: 'send',
	populateList: 'idempotentWrite',
	deleteContacts: 'idempotentWrite',
	updateSubAccount: 'idempotentWrite',
	configureWebhook: 'idempotentWrite',
	deleteWebhook: 'idempotentWrite',
	deleteCampaign: 'write',
	deleteBlacklistEntry: 'write',
	createSubAccount: 'write',
	manageSubAccountCredits: 'write',
	deleteSubAccount: 'write',
	createList: 'write',
	deleteList: 'write',
	createCode: 'write',
	shortenUrl: 'write',
};

export function retryKindOf(method: ApiMethodName): RetryKind {
	return KINDS[method] ?? 'read';
}

const DEFAULT_TIMEOUT_SECONDS = 30;
const DEFAULT_RETRIES = 3;
const MAX_RETRIES = 10;

export interface RetrySettings {
	timeoutMs: number;
	retries: number;
}

/** The node's Timeout and Retries options (any operation), read once per call. */
export function retrySettings(
	options: { timeout?: unknown; retries?: unknown } | undefined,
): RetrySettings {
	const timeout = Number(options?.timeout);
	const retries = Number(options?.retries);
	return {
		timeoutMs:
			Number.isFinite(timeout) && timeout > 0
				? Math.round(timeout * 1000)
				: DEFAULT_TIMEOUT_SECONDS * 1000,
		retries:
			Number.isInteger(retries) && retries >= 0 ? Math.min(retries, MAX_RETRIES) : DEFAULT_RETRIES,
	};
}

/** Wait before retry number `attempt` (1, 2, …): 1 s, 2 s, 4 s, then 8 s. */
export function backoffMs(attempt: number): number {
	return Math.min(1000 * 2 ** (attempt - 1), 8000);
}

/**
 * Waits while AllMySMS says the same request is still being processed (160), or that an
 * identical one was received less than 10 seconds ago (121): 1, 2, 4, 5, 5, 5 s, about 22 s in
 * all, which outlasts the 10-second window of 121.
 */
export const PENDING_WAITS_MS = [1000, 2000, 4000, 5000, 5000, 5000];

/** Error codes that prove the request never reached the server. */
const NEVER_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);

/** `neverSent`: the request cannot have reached AllMySMS. */
export function networkFailureOf(error: unknown): {
	code?: string;
	timedOut: boolean;
	neverSent: boolean;
} {
	const cause = error as { code?: string; message?: string; cause?: { code?: string } };
	const code = cause?.cause?.code ?? cause?.code;
	const timedOut =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(cause?.message ?? '');
	return { code, timedOut, neverSent: code !== undefined && NEVER_SENT_CODES.has(code) };
}

/**
 * Whether a failed request of this kind may be tried again. `neverSent`: the request provably
 * never reached AllMySMS (always false after an answer, even an unreadable one).
 */
export function mayRetry(kind: RetryKind, neverSent: boolean): boolean {
	return neverSent || (kind !== 'write' && kind !== 'consumingRead');
}

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	// Whole seconds shown as "30", not "30.0"; an expression may still give 2.5.
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: DEFAULT_TIMEOUT_SECONDS,
	description:
		'Seconds to wait for each answer of AllMySMS before giving up on that request (and trying it again, see Retries)',
};

export const retriesOption: INodeProperties = {
	displayName: 'Retries',
	name: 'retries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: MAX_RETRIES },
	default: DEFAULT_RETRIES,
	description:
		'How many more times a request is tried after a network error, a timeout, an HTTP 5xx or an unreadable answer (waiting 1, 2, 4, 8 s). Sends are only tried again with their unique identifier, so a retry can never send twice.',
};
