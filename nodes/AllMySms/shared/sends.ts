import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError } from 'n8n-workflow';

import type { ApiMethodName } from './apiMethods';
import { Outcome } from './outcome';
import { callApi } from './transport';
import type { Flow, RequestFormat } from './transport';

/**
 * How the operations that handle all their items themselves run (SMS and voice sends, contact
 * list updates): every item is read and checked first; only when all are valid (or, with
 * "Continue On Fail", the invalid ones set aside as error items) do requests start, one after
 * the other, each group split into requests of at most `chunkSize` entries.
 */

export type SendMode = 'perItem' | 'campaign';

/** Anything sent for one input item (a recipient, a contact). */
export interface PerItem {
	itemIndex: number;
}

/** What one input item asks for: settings said once per request, and its entries. */
export interface SendItem<S, R extends PerItem> {
	itemIndex: number;
	settings: S;
	recipients: R[];
}

/** Entries sharing settings, sent together (possibly over several requests). */
export interface SendGroup<S, R extends PerItem> {
	itemIndices: number[];
	settings: S;
	recipients: R[];
}

/** One HTTP request: part (or all) of a group. */
export interface SendRequest<G extends SendGroup<unknown, PerItem>> {
	/** Position of this request within its group (0 for the first). */
	index: number;
	group: G;
	recipients: G['recipients'];
	itemIndices: number[];
}

export interface OutputEntry {
	itemIndex: number;
	/** All the items the output stems from, when more than one (pairedItem). */
	itemIndices?: number[];
	json: IDataObject;
}

export type Reject = (itemIndex: number, error: NodeOperationError) => void;

export interface SendPlan<S, R extends PerItem, G extends SendGroup<S, R>> {
	method: ApiMethodName;
	/** The method sends messages: a lost answer may mean "sent", and the error says so. */
	sends: boolean;
	/** On a failure, say which earlier requests AllMySMS had accepted (default: `sends`). */
	reportAccepted?: boolean;
	/** Reads and checks one item; throws a NodeOperationError for bad input. */
	read(itemIndex: number): SendItem<S, R>;
	/** Groups the checked items (one group per item, or one for all: `groupPerItem`, `groupAsCampaign`). */
	group(items: Array<SendItem<S, R>>, reject: Reject): Array<SendGroup<S, R>>;
	/** Completes a group (an SMS campaign's encoding…); may reject items. Undefined drops the group. */
	settle?(group: SendGroup<S, R>, reject: Reject): G | undefined;
	/** Called once every group is settled, before the first request. */
	checked?(groups: G[]): void;
	chunkSize(settings: S): number;
	format(settings: S): RequestFormat;
	build(request: SendRequest<G>): { params?: IDataObject; flow?: Flow };
	present(request: SendRequest<G>, answer: IDataObject): OutputEntry[];
	/** One output for a whole group instead of one per request. */
	summarise?(answers: IDataObject[], group: G): IDataObject;
}

/** One group per item: each item is its own request. */
export function groupPerItem<S, R extends PerItem>(items: Array<SendItem<S, R>>): Array<SendGroup<S, R>> {
	return items.map((item) => ({ itemIndices: [item.itemIndex], settings: item.settings, recipients: item.recipients }));
}

/**
 * All items as one group: every item must agree on what is said once per request (labels name
 * the settings compared); only the entries vary. Items that differ from the first are rejected
 * with `description` explaining what may vary; `groupName` says what they do not fit in.
 */
export function groupAsCampaign<S, R extends PerItem>(
	context: IExecuteFunctions,
	items: Array<SendItem<S, R>>,
	labels: Record<keyof S, string>,
	description: string,
	reject: Reject,
	groupName = 'the campaign',
): Array<SendGroup<S, R>> {
	if (items.length === 0) return [];
	const [first] = items;
	const members: Array<SendItem<S, R>> = [];
	for (const item of items) {
		const differing = (Object.keys(labels) as Array<keyof S>).filter((key) => item.settings[key] !== first.settings[key]);
		if (differing.length) {
			reject(
				item.itemIndex,
				new NodeOperationError(
					context.getNode(),
					`Item ${item.itemIndex} does not fit in ${groupName}: its ${differing.map((key) => labels[key]).join(', ')} differ(s) from item ${first.itemIndex}`,
					{ itemIndex: item.itemIndex, description },
				),
			);
			continue;
		}
		members.push(item);
	}
	return [
		{
			itemIndices: members.map((item) => item.itemIndex),
			settings: first.settings,
			recipients: members.flatMap((item) => item.recipients),
		},
	];
}

/** Splits a list into chunks of at most `size` entries. */
export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}

/**
 * The unique identifier of one request of a campaign: the identifier as given for the first,
 * `<identifier>-2`, `-3`… for the next, so that each request of a split campaign stays
 * protected against repeats without being mistaken for another one.
 */
export function requestIdentifier(identifier: string | undefined, requestIndex: number): string | undefined {
	if (!identifier) return undefined;
	return requestIndex === 0 ? identifier : `${identifier}-${requestIndex + 1}`;
}

function uniqueItems(recipients: PerItem[]): number[] {
	return [...new Set(recipients.map((recipient) => recipient.itemIndex))];
}

export async function runSends<S, R extends PerItem, G extends SendGroup<S, R>>(
	this: IExecuteFunctions,
	plan: SendPlan<S, R, G>,
): Promise<INodeExecutionData[][]> {
	const outcome = new Outcome(this);
	const reject: Reject = (itemIndex, error) => outcome.reject(itemIndex, error);
	const items: Array<SendItem<S, R>> = [];
	const itemCount = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			items.push(plan.read(itemIndex));
		} catch (error) {
			outcome.reject(itemIndex, error as NodeOperationError);
		}
	}
	const groups: G[] = [];
	for (const draft of plan.group(items, reject)) {
		const group = plan.settle ? plan.settle(draft, reject) : (draft as G);
		if (group && group.recipients.length > 0) groups.push(group);
	}
	plan.checked?.(groups);

	// Every item has been checked: from here on, requests are sent.
	const reportAccepted = plan.reportAccepted ?? plan.sends;
	for (const group of groups) {
		const answers: IDataObject[] = [];
		for (const [index, recipients] of chunk(group.recipients, plan.chunkSize(group.settings)).entries()) {
			const request: SendRequest<G> = { index, group, recipients, itemIndices: uniqueItems(recipients) };
			let answer: IDataObject;
			try {
				answer = await callApi.call(this, plan.method, {
					...plan.build(request),
					format: plan.format(group.settings),
					itemIndex: request.itemIndices[0],
					sends: plan.sends,
				});
			} catch (error) {
				outcome.failRequest(request.itemIndices, error as NodeApiError);
				continue;
			}
			if (reportAccepted) outcome.noteAccepted(request.itemIndices, answer);
			answers.push(answer);
			if (plan.summarise) continue;
			for (const entry of plan.present(request, answer)) outcome.add(entry.itemIndices ?? [entry.itemIndex], entry.json);
		}
		if (plan.summarise && answers.length) outcome.add(group.itemIndices, plan.summarise(answers, group));
	}
	return [outcome.items()];
}
