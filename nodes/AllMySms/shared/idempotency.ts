import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ApiMethodName } from './apiMethods';
import * as clock from './clock';
import { isToolCall, toolCallArguments } from './toolMode';

/**
 * Every send carries a unique identifier (manual 6, 7.2, 36, 37.2: "Réutiliser un identifiant
 * lors d'une autre requête retournera le résultat de la requête originale, avec un champ
 * additionnel treatmentStatus", for 24 h), so that sending the same request again can only
 * give the first result back. Unless the user sets one, it is derived from:
 *
 *   n8n instance · workflow id · node id · execution · run index of the node · method · item (or "campaign")
 *
 * What stays the same, and so never sends twice:
 * - n8n's Retry On Fail (same execution, same run index) and the node's own retries (retries.ts);
 * - n8n's Retry of a failed execution: a NEW execution id, but n8n hands the retry the original
 *   execution's data, custom data included (ExecutionService.retry: `executionData:
 *   execution.data`). The first send of an execution writes its id under the custom data key
 *   `allmysms_execution`; a retry finds it there and derives the same identifiers. (`retryOf` is
 *   out of a node's reach; the `establishedAt` a Retry keeps may be shared by two executions
 *   started in the same millisecond.) When the workflow already uses all 10 custom data keys
 *   n8n allows, the key cannot be written and a Retry is a new send; a hint says so;
 * - a tool call's retry (toolMode.ts): it gets a new run index, so the call's arguments stand in
 *   for the run index.
 *
 * What sends again: a new execution, a new run of the node in a loop. Unless "Skip Identical
 * Sends" is on: the identifier then leaves the execution out and takes the batch's content
 * (recipients, texts, options), so the same send within AllMySMS's 24 h returns the first result.
 */

const EXECUTION_KEY = 'allmysms_execution';

/**
 * 128 bits of a string, as 32 hex digits (cyrb128, four 32-bit lanes). Not cryptographic: it
 * only has to keep different requests apart, and it runs without node:crypto.
 */
function hash128(text: string): string {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1, h2, h3, h4].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
}

interface ExecutionIdentity {
	/** The execution the identifiers belong to: this one, or the one a Retry retries. */
	anchor: string;
	/** When that execution first sent (ms), when it was noted (not by versions before 0.2). */
	firstSendAt?: number;
	/** The anchor could not be kept for a later Retry (all 10 custom data keys in use). */
	notKept: boolean;
}

/** The execution an identifier belongs to, found or written in the execution's custom data. */
function executionIdentity(context: IExecuteFunctions): ExecutionIdentity {
	let stored: string | undefined;
	try {
		stored = context.customData.get(EXECUTION_KEY);
	} catch {
		stored = undefined;
	}
	if (stored) {
		// `<execution id>@<first send, ms>`; an execution id alone from earlier versions.
		const at = stored.lastIndexOf('@');
		if (at < 0) return { anchor: stored, notKept: false };
		const firstSendAt = Number(stored.slice(at + 1)) || undefined;
		return { anchor: stored.slice(0, at), firstSendAt, notKept: false };
	}
	const anchor = context.getExecutionId() ?? '';
	const firstSendAt = clock.now().getTime();
	const value = `${anchor}@${firstSendAt}`;
	let notKept = false;
	try {
		context.customData.set(EXECUTION_KEY, value);
		notKept = context.customData.get(EXECUTION_KEY) !== value;
	} catch {
		notKept = true;
	}
	return { anchor, firstSendAt, notKept };
}

/** How long AllMySMS remembers an identifier (manual 6, 7.2: "pendant 24H"). */
const IDENTIFIER_LIFETIME_MS = 24 * 3600 * 1000;

/**
 * n8n's Retry of an execution whose first send is more than 24 hours old: AllMySMS has forgotten
 * the identifiers by then, so every send the execution made would go out again. Refused, before
 * any request: what was not sent then can be sent by running the workflow again.
 */
function refuseLateRetry(context: IExecuteFunctions, identity: ExecutionIdentity): void {
	if (identity.firstSendAt === undefined || context.getMode() !== 'retry') return;
	const age = clock.now().getTime() - identity.firstSendAt;
	if (age <= IDENTIFIER_LIFETIME_MS) return;
	const when = new Date(identity.firstSendAt).toISOString().replace('T', ' ').slice(0, 16);
	throw new NodeOperationError(
		context.getNode(),
		'This Retry comes more than 24 hours after the first send: nothing was sent',
		{
			description: `The execution retried first sent at ${when} UTC, ${Math.floor(age / 3600_000)} hours ago. AllMySMS keeps unique identifiers for 24 hours, so it would send again everything it accepted then. Check in the AllMySMS manager what went out, and run the workflow again for what did not.`,
		},
	);
}

function instanceIdOf(context: IExecuteFunctions): string {
	try {
		return context.getInstanceId();
	} catch {
		// n8n 1.x contexts without it: the workflow and node ids still apply.
		return '';
	}
}

/**
 * Which run of the node this is (a loop runs it several times in one execution). Never guessed:
 * taking 0 for an unreadable run index would give a loop's second pass the first's identifiers,
 * and AllMySMS would answer it with the first pass's result instead of sending.
 */
function runIndexOf(context: IExecuteFunctions): number {
	let runIndex: unknown;
	try {
		runIndex = context.getWorkflowDataProxy(0).$runIndex;
	} catch (error) {
		runIndex = error;
	}
	if (typeof runIndex === 'number' && Number.isInteger(runIndex) && runIndex >= 0) return runIndex;
	throw new NodeOperationError(
		context.getNode(),
		'Could not tell this run of the node from another one: nothing was sent',
		{
			description:
				'n8n did not give the node its run index, which makes each send of a loop its own. Set a Unique Identifier in the options (for example {{ $json.orderId }}) to send anyway.',
		},
	);
}

/**
 * The unique identifier of one request of a batch: the batch's own for the first, `-2`, `-3`…
 * added for the next, so that each request of a split send is protected on its own.
 */
export function requestIdentifier(
	identifier: string | undefined,
	requestIndex: number,
): string | undefined {
	if (!identifier) return undefined;
	return requestIndex === 0 ? identifier : `${identifier}-${requestIndex + 1}`;
}

/** Derives the unique identifiers of one node run's sends. */
export class Identifiers {
	private readonly base: string;

	readonly notKept: boolean;

	constructor(
		context: IExecuteFunctions,
		method: ApiMethodName,
		readonly skipIdentical: boolean,
	) {
		const node = context.getNode();
		const workflowId = context.getWorkflow().id ?? '';
		// Two n8n instances may share an AllMySMS account and run the same imported workflow,
		// both counting executions from 1: the instance tells their sends apart.
		const sender = `${instanceIdOf(context)}|${workflowId}|${node.id}|${method}`;
		if (skipIdentical) {
			this.base = sender;
			this.notKept = false;
			return;
		}
		const identity = executionIdentity(context);
		this.notKept = identity.notKept;
		refuseLateRetry(context, identity);
		const run = isToolCall(context)
			? `tool ${hash128(toolCallArguments(context))}`
			: String(runIndexOf(context));
		this.base = `${sender}|${identity.anchor}|${run}`;
	}

	/**
	 * The identifier of a batch: `scope` tells the batches of one run apart (`item 3`,
	 * `campaign`); with Skip Identical Sends, `describe()` gives the batch's content instead.
	 * Derived identifiers start with `n8n-`; a user's own is sent as typed.
	 */
	of(scope: string, describe: () => string): string {
		const key = this.skipIdentical ? `${this.base}|${describe()}` : `${this.base}|${scope}`;
		return `n8n-${hash128(key)}`;
	}
}
