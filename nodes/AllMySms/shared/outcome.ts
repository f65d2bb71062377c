import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';

/**
 * The output of an operation that handles all its items itself: items and errors in input
 * order, honouring "Continue On Fail", and on a failure after earlier requests went through, an
 * error that says which were already accepted.
 */

type NodeError = NodeApiError | NodeOperationError;

export class Outcome {
	private readonly entries: Array<{ itemIndex: number; item: INodeExecutionData }> = [];

	private readonly accepted: string[] = [];

	constructor(private readonly context: IExecuteFunctions) {}

	/** An output that stems from one or several items (a request's answer, a summary). */
	add(itemIndices: number[], json: IDataObject): void {
		const pairedItem =
			itemIndices.length === 1 ? { item: itemIndices[0] } : itemIndices.map((item) => ({ item }));
		this.entries.push({ itemIndex: itemIndices[0], item: { json, pairedItem } });
	}

	/** An output of one item that may carry binary data (a downloaded recording). */
	addItem(itemIndex: number, item: INodeExecutionData): void {
		this.entries.push({ itemIndex, item: { ...item, pairedItem: { item: itemIndex } } });
	}

	/** Bad input: an error item when continuing on fail, otherwise the node stops (nothing sent yet). */
	reject(itemIndex: number, error: NodeError): void {
		if (!this.context.continueOnFail()) throw error;
		this.addError([itemIndex], error);
	}

	noteAccepted(itemIndices: number[], answer: IDataObject): void {
		const items =
			itemIndices.length === 1
				? `item ${itemIndices[0]}`
				: `items ${itemIndices[0]}-${itemIndices[itemIndices.length - 1]}`;
		this.accepted.push(
			answer.campaignId ? `${items} (campaign ${String(answer.campaignId)})` : items,
		);
	}

	/**
	 * A request failed: the error says which earlier requests were accepted, and that the items
	 * of the requests after it (`later`) were not sent.
	 */
	failRequest(itemIndices: number[], error: NodeError, later: number[] = []): void {
		if (!this.context.continueOnFail()) {
			const notes: string[] = [];
			if (this.accepted.length) {
				const shown = this.accepted.slice(0, 20).join(', ');
				const more = this.accepted.length > 20 ? ` and ${this.accepted.length - 20} more` : '';
				notes.push(`Already accepted by AllMySMS before this error: ${shown}${more}.`);
			}
			if (later.length)
				notes.push(`Not sent, since the node stopped here: ${describeItems(later)}.`);
			if (notes.length)
				error.description = `${error.description ? `${error.description} ` : ''}${notes.join(' ')}`;
			throw error;
		}
		this.addError(itemIndices, error);
	}

	/** The outputs in input order (a stable sort, linear on outputs already in order). */
	items(): INodeExecutionData[] {
		return [...this.entries].sort((a, b) => a.itemIndex - b.itemIndex).map((entry) => entry.item);
	}

	private addError(itemIndices: number[], error: NodeError): void {
		for (const itemIndex of itemIndices) {
			const json: IDataObject = { error: error.message };
			if (error.description) json.description = error.description;
			// What became of a send (transport.ts): "not sent", or "may have been sent" and the
			// identifier with which to find out.
			const { sendOutcome, uniqueIdentifier } = (error.context ?? {}) as IDataObject;
			if (sendOutcome !== undefined) json.outcome = sendOutcome;
			if (uniqueIdentifier !== undefined) json.uniqueIdentifier = uniqueIdentifier;
			this.addItem(itemIndex, { json });
		}
	}
}

/** An error meant for the user (bad input, AllMySMS's answer), as opposed to an unexpected one. */
export function isNodeError(error: unknown): error is NodeError {
	return (
		error instanceof NodeOperationError || (error instanceof Error && error.name === 'NodeApiError')
	);
}

/** `item 3`, `items 3, 5-9`… (at most 20 ranges shown). */
export function describeItems(items: number[]): string {
	const sorted = [...items].sort((a, b) => a - b);
	const ranges: string[] = [];
	for (let index = 0; index < sorted.length; ) {
		let end = index;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
		ranges.push(end === index ? String(sorted[index]) : `${sorted[index]}-${sorted[end]}`);
		index = end + 1;
	}
	const shown =
		ranges.slice(0, 20).join(', ') +
		(ranges.length > 20 ? ` and ${ranges.length - 20} more ranges` : '');
	return `${sorted.length === 1 ? 'item' : 'items'} ${shown}`;
}
