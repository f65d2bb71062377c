import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** Reading and refusing what the user typed: the helpers every operation shares. */

/** What a send's error says when an item is refused before anything went out. */
export const CHECKED_BEFORE_SENDING = 'Nothing was sent: every item is checked before the first request.';

/** A parameter's value as trimmed text; nothing (undefined, null) is empty text. */
export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** `Invalid "<field>" in item N: <reason>`, the one shape of every bad-input error. */
export function invalidField(
	node: INode,
	itemIndex: number,
	label: string,
	reason: string,
	description = CHECKED_BEFORE_SENDING,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${label}" in item ${itemIndex}: ${reason}`, { itemIndex, description });
}
