import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { DEFAULT_RECIPIENTS_PER_REQUEST } from './descriptions';
import { sendAtProblem, toAllMySmsDate } from './validation/dates';

/** Reading and refusing what the user typed: the helpers every operation shares. */

/** A parameter's value as trimmed text; nothing (undefined, null) is empty text. */
export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * `Invalid "<field>" in item N: <reason>`, the one shape of every bad-input error; by default
 * that of a send, whose items are all checked before the first request.
 */
export function invalidField(
	node: INode,
	itemIndex: number,
	label: string,
	reason: string,
	description = 'Nothing was sent: every item is checked before the first request.',
): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${label}" in item ${itemIndex}: ${reason}`, {
		itemIndex,
		description,
	});
}

/** How a reader refuses a value: the invalid-field error of its item and field. */
export type Refuse = (reason: string) => NodeOperationError;

/** Send At as AllMySMS takes it (French time); undefined when empty. Not a date, or in the past: refused. */
export function readSendAt(
	value: unknown,
	workflowTimeZone: string,
	refuse: Refuse,
): string | undefined {
	if (!text(value)) return undefined;
	const sendAt = toAllMySmsDate(value, workflowTimeZone);
	if (!sendAt) throw refuse(`"${text(value)}" is not a date`);
	const past = sendAtProblem(sendAt);
	if (past) throw refuse(past);
	return sendAt;
}

/** Recipients per Request: a whole number of at least 1, the default when not set. */
export function readRecipientsPerRequest(value: unknown, refuse: Refuse): number {
	const recipientsPerRequest = Number(value ?? DEFAULT_RECIPIENTS_PER_REQUEST);
	if (!Number.isInteger(recipientsPerRequest) || recipientsPerRequest < 1)
		throw refuse('it must be a whole number of at least 1');
	return recipientsPerRequest;
}

/**
 * A Unique Identifier typed by the user; undefined when empty. The manual gives no rule for
 * one: a safe set of characters is asked for.
 */
export function readOwnIdentifier(value: unknown, refuse: Refuse): string | undefined {
	const identifier = text(value);
	if (identifier === '') return undefined;
	if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(identifier))
		throw refuse(
			`"${identifier}" cannot identify a send: use 1 to 64 letters, digits and . _ : - (no spaces)`,
		);
	return identifier;
}
