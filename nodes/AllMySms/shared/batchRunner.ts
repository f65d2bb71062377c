import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';

import type { ApiMethodName } from './apiMethods';
import { Identifiers, requestIdentifier } from './idempotency';
import { ItemParameters } from './itemParameters';
import { invalidField } from './input';
import { describeItems, Outcome } from './outcome';
import { retrySettings } from './retries';
import { callApi } from './transport';
import { fromAllMySmsDate } from './validation/dates';
import type { Flow, RequestFormat } from './transport';

/**
 * How the operations that handle all their items at once run (SMS and voice sends, contact list
 * updates). The operation says what to read and what to send:
 * 1. `collect` reads and checks every item before anything is sent, and gathers them into
 *    batches: one per item, or all items in one campaign;
 * 2. the operation settles what depends on the whole batch (an SMS campaign's encoding);
 * 3. `send` sends each batch in requests of at most `chunkSize` entries, with one output per
 *    request, or per entry (recipient) in campaign mode;
 * 4. `output` gives the outputs in input order.
 */

export type SendMode = 'perItem' | 'campaign';

/** What is sent for one input item: a recipient, a contact. */
export interface Entry {
	itemIndex: number;
}

/** What one input item asks for, or what many items send together: settings said once, and entries. */
export interface Batch<S, E extends Entry> {
	itemIndices: number[];
	settings: S;
	entries: E[];
}

/** What must agree between the items of one campaign, and what to tell the user when they do not. */
export interface CampaignRules<S> {
	/** The settings compared, with their labels in the editor. */
	labels: Record<keyof S, string>;
	/** Why, and what may vary instead. */
	description: string;
	/** What an item that differs does not fit in. */
	groupName?: string;
}

export interface RequestPlan<E extends Entry> {
	chunkSize: number;
	format: RequestFormat;
	/**
	 * The form parameters and the flow of one request; `uniqueIdentifier` is the request's own
	 * (sends only, see `requestIdentifier`).
	 */
	build(entries: E[], uniqueIdentifier: string | undefined): { params?: IDataObject; flow?: Flow };
	/** One output per entry, in the entries' order; without it, one output per request: the answer. */
	perEntry?(entries: E[], answer: IDataObject): IDataObject[];
	/** No output per request: the caller adds its own from the answers `send` returns. */
	silent?: boolean;
}

export interface RunOptions {
	method: ApiMethodName;
	/** The method sends messages: a lost answer may mean "sent", and the error says so. */
	sends: boolean;
	/** On a failure, say which earlier requests AllMySMS had accepted (default: `sends`). */
	reportAccepted?: boolean;
}

/** The start of a campaign recipient's output: its number, and what AllMySMS answered for its request. */
export function recipientOutput(phoneNumber: string, answer: IDataObject): IDataObject {
	const output: IDataObject = {
		phoneNumber,
		campaignId: answer.campaignId,
		status: answer.status,
		statusText: answer.statusText,
		outcome: answer.outcome,
	};
	if (answer.scheduledFor !== undefined) output.scheduledFor = answer.scheduledFor;
	return output;
}

/** Splits a list into chunks of at most `size` entries. */
export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/**
 * A sub-execution (Execute Workflow): n8n tells it its parent's execution id, which changes
 * when the parent is retried, and nothing that survives that Retry (docs/architecture.md).
 */
function isSubExecution(context: IExecuteFunctions): boolean {
	try {
		return !!context.getExecutionContext?.()?.parentExecutionId;
	} catch {
		return false;
	}
}

/**
 * What every send's output says in the same English fields, whatever AllMySMS's `statusText`
 * (English for 100, French for 101): `outcome` "sent" or "scheduled" (like an error item's
 * "not sent" / "may have been sent"), and `scheduledFor`, the date it goes out (ISO 8601).
 */
function sendOutcome(sendAt: unknown): IDataObject {
	const date = typeof sendAt === 'string' && sendAt !== '' ? fromAllMySmsDate(sendAt) : undefined;
	return date ? { outcome: 'scheduled', scheduledFor: date } : { outcome: 'sent' };
}

export class BatchRun<S, E extends Entry> {
	/** The node's parameters for every item, read at memory speed (see itemParameters.ts). */
	readonly parameters: ItemParameters;

	/** The node, for errors (n8n copies it at every `getNode()`: read once). */
	readonly node: INode;

	private readonly outcome: Outcome;

	private mode: SendMode = 'perItem';

	private identifiers: Identifiers | undefined;

	/** Items read and kept whose requests have not been made yet: "not sent" if the node stops. */
	private readonly pending = new Set<number>();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly options: RunOptions,
	) {
		this.parameters = new ItemParameters(context);
		this.node = context.getNode();
		this.outcome = new Outcome(context);
	}

	/** Bad input found after reading (too long once personalised…): stops the node, or the item's error. */
	reject(itemIndex: number, error: NodeOperationError): void {
		this.outcome.reject(itemIndex, error);
	}

	/**
	 * Unique Identifiers typed by the user, before the first request: one shared by several
	 * sends (a fixed `promo-dec` on every item) would give the later ones the first one's answer,
	 * reported as sent; and a split send's `-2`, `-3` must not be another send's identifier. The
	 * items concerned are refused, naming each other; the others go on.
	 */
	refuseSharedIdentifiers<
		B extends Batch<S & { uniqueIdentifier?: string; recipientsPerRequest: number }, E>,
	>(batches: B[]): B[] {
		const owners = new Map<string, Set<B>>();
		for (const batch of batches) {
			const own = batch.settings.uniqueIdentifier;
			if (!own) continue;
			const requests = Math.max(
				1,
				Math.ceil(batch.entries.length / batch.settings.recipientsPerRequest),
			);
			for (let request = 0; request < requests; request++) {
				const identifier = requestIdentifier(own, request) as string;
				owners.set(identifier, (owners.get(identifier) ?? new Set<B>()).add(batch));
			}
		}
		const refused = new Set<B>();
		for (const [identifier, sharing] of owners) {
			if (sharing.size < 2) continue;
			const items = describeItems([...sharing].flatMap((batch) => batch.itemIndices));
			for (const batch of sharing) {
				if (refused.has(batch)) continue;
				refused.add(batch);
				for (const itemIndex of batch.itemIndices) {
					this.reject(
						itemIndex,
						invalidField(
							this.node,
							itemIndex,
							'Unique Identifier',
							`${items} would all be sent as "${identifier}", and AllMySMS answers a repeated identifier with the first send's result instead of sending: give each item its own (for example {{ $json.orderId }})`,
						),
					);
				}
			}
		}
		return batches.filter((batch) => !refused.has(batch));
	}

	/**
	 * Reads and checks every input item (`read` throws a NodeOperationError for bad input), and
	 * gathers them: one batch per item, or in campaign mode all items in one. An item of a
	 * campaign that differs from the first on a setting `rules` names is refused.
	 */
	collect(
		read: (itemIndex: number) => { settings: S; entries: E[] },
		mode: SendMode,
		rules: CampaignRules<S>,
	): Array<Batch<S, E>> {
		const batches: Array<Batch<S, E>> = [];
		const keys = Object.keys(rules.labels) as Array<keyof S>;
		let campaign: Batch<S, E> | undefined;
		this.mode = mode;
		const count = this.context.getInputData().length;
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			let item: { settings: S; entries: E[] };
			try {
				item = read(itemIndex);
			} catch (error) {
				this.reject(itemIndex, error as NodeOperationError);
				continue;
			}
			if (mode === 'perItem') {
				this.pending.add(itemIndex);
				batches.push({ itemIndices: [itemIndex], settings: item.settings, entries: item.entries });
				continue;
			}
			if (!campaign) {
				campaign = { itemIndices: [], settings: item.settings, entries: [] };
				batches.push(campaign);
			}
			const { settings } = campaign;
			const differing = keys.filter((key) => item.settings[key] !== settings[key]);
			if (differing.length) {
				this.reject(
					itemIndex,
					new NodeOperationError(
						this.node,
						`Item ${itemIndex} does not fit in ${rules.groupName ?? 'the campaign'}: its ${differing.map((key) => rules.labels[key]).join(', ')} differ(s) from item ${campaign.itemIndices[0]}`,
						{ itemIndex, description: rules.description },
					),
				);
				continue;
			}
			this.pending.add(itemIndex);
			campaign.itemIndices.push(itemIndex);
			for (const entry of item.entries) campaign.entries.push(entry);
		}
		return batches;
	}

	/**
	 * Sends one batch in requests of at most `plan.chunkSize` entries; the batch is left without
	 * entries. Returns the answers when the plan is `silent` (the caller sums them up).
	 */
	async send(batch: Batch<S, E>, plan: RequestPlan<E>): Promise<IDataObject[]> {
		const answers: IDataObject[] = [];
		const reportAccepted = this.options.reportAccepted ?? this.options.sends;
		const first = batch.itemIndices[0] ?? batch.entries[0]?.itemIndex ?? 0;
		const retry = retrySettings(this.parameters.get('options', first, {}) as IDataObject);
		const batchIdentifier = this.options.sends ? this.identifierOf(batch, first) : undefined;
		// The batch hands its entries over: each request's share is let go once it is answered, so
		// that a 100,000-recipient campaign does not stay in memory until its last request.
		const requests = chunk(batch.entries, plan.chunkSize);
		batch.entries = [];
		for (let requestIndex = 0; requests.length > 0; requestIndex++) {
			const entries = requests.shift() as E[];
			const itemIndices = [...new Set(entries.map((entry) => entry.itemIndex))];
			const uniqueIdentifier = requestIdentifier(batchIdentifier, requestIndex);
			for (const itemIndex of itemIndices) this.pending.delete(itemIndex);
			let answer: IDataObject;
			let sendAt: unknown;
			try {
				const request = plan.build(entries, uniqueIdentifier);
				// The date the request went out with (the flow's DATE, the simple URLs' date).
				sendAt = request.flow?.DATE ?? request.params?.date;
				answer = await callApi.call(this.context, this.options.method, {
					...request,
					format: plan.format,
					itemIndex: itemIndices[0],
					sends: this.options.sends,
					uniqueIdentifier,
					retry,
				});
			} catch (error) {
				this.outcome.failRequest(itemIndices, error as NodeApiError, [...this.pending]);
				continue;
			}
			if (reportAccepted) this.outcome.noteAccepted(itemIndices, answer);
			if (this.options.sends) Object.assign(answer, sendOutcome(sendAt));
			if (plan.silent) {
				answers.push(answer);
			} else if (plan.perEntry) {
				const outputs = plan.perEntry(entries, answer);
				entries.forEach((entry, index) => this.outcome.add([entry.itemIndex], outputs[index]));
			} else {
				this.outcome.add(itemIndices, answer);
			}
		}
		return answers;
	}

	/**
	 * The batch's unique identifier: the user's (Unique Identifier option), or one derived from
	 * the workflow, node, execution and item (idempotency.ts), so that no retry sends twice.
	 */
	private identifierOf(batch: Batch<S, E>, first: number): string {
		const own = (batch.settings as { uniqueIdentifier?: unknown }).uniqueIdentifier;
		if (typeof own === 'string' && own !== '') return own;
		if (!this.identifiers) {
			const skipIdentical =
				(this.parameters.get('options', first, {}) as IDataObject).skipIdenticalSends === true;
			this.identifiers = new Identifiers(this.context, this.options.method, skipIdentical);
			const hint = (message: string) =>
				this.context.addExecutionHints({ message, location: 'outputPane' });
			if (!skipIdentical && isSubExecution(this.context))
				hint(
					"This send runs in a sub-workflow. n8n's Retry of the parent execution starts a new sub-execution, which knows nothing of this one: it would send again. To make the parent's Retry safe, set a Unique Identifier from your data (for example {{ $json.orderId }}) or turn on Skip Identical Sends.",
				);
			if (this.identifiers.notKept)
				hint(
					'This execution already uses all 10 custom data keys n8n allows, so AllMySMS could not note which execution these sends belong to: an n8n Retry of this execution would send them again. Set a Unique Identifier from your data to make Retry safe.',
				);
		}
		const scope = this.mode === 'campaign' ? 'campaign' : `item ${first}`;
		// Skip Identical Sends: the batch's settings and entries, item positions left out.
		return this.identifiers.of(scope, () =>
			JSON.stringify([batch.settings, batch.entries], (key, value: unknown) =>
				key === 'itemIndex' ? undefined : value,
			),
		);
	}

	/** An output of the caller's own (a summary of several requests). */
	add(itemIndices: number[], json: IDataObject): void {
		this.outcome.add(itemIndices, json);
	}

	output(): INodeExecutionData[][] {
		return [this.outcome.items()];
	}
}

/** Reads "Send As" (sendMode) once: it cannot vary between items. */
export function readSendMode(
	context: IExecuteFunctions,
	parameter = 'sendMode',
	campaignValue = 'campaign',
): SendMode {
	return context.getNodeParameter(parameter, 0, 'perItem') === campaignValue
		? 'campaign'
		: 'perItem';
}
