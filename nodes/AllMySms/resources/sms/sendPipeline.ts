import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { Outcome } from '../../shared/outcome';

import type { ApiMethodName } from '../../shared/apiMethods';
import { callApi } from '../../shared/transport';
import type { Flow } from '../../shared/transport';
import { endsWithStopMention } from '../../shared/validation/sender';
import type { SmsOperation } from './fields';
import { chunkRecipients, groupAsCampaign, groupPerItem, readSmsItem, settleGroup } from './smsItems';
import type { Recipient, SmsGroup, SmsItem } from './smsItems';

/**
 * How the SMS operations run: every item is read and checked first; only when all are valid
 * (or, with "Continue On Fail", the invalid ones set aside as error items) do requests start,
 * one after the other, each campaign split into requests of at most "Recipients per Request".
 */

export type SendMode = 'perItem' | 'campaign';

/** One HTTP request: part (or all) of a group. */
export interface SmsRequest {
	/** Position of this request within its group (0 for the first). */
	index: number;
	group: SmsGroup;
	recipients: Recipient[];
	itemIndices: number[];
}

export interface OutputEntry {
	itemIndex: number;
	json: IDataObject;
}

export interface SmsOperationSpec {
	operation: SmsOperation;
	method: ApiMethodName;
	/** The method sends messages (not a simulation). */
	sends: boolean;
	/** The operation offers "One Campaign for All Input Items". */
	campaignMode: boolean;
	build(request: SmsRequest): { params?: IDataObject; flow?: Flow };
	present(request: SmsRequest, answer: IDataObject, mode: SendMode): OutputEntry[];
	/** In campaign mode, one output for the whole campaign instead of one per request. */
	summarise?(answers: IDataObject[]): IDataObject;
}

function checkedGroups(context: IExecuteFunctions, spec: SmsOperationSpec, mode: SendMode, outcome: Outcome): SmsGroup[] {
	const items: SmsItem[] = [];
	const itemCount = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			items.push(readSmsItem.call(context, spec.operation, itemIndex));
		} catch (error) {
			outcome.reject(itemIndex, error as NodeOperationError);
		}
	}
	const drafts =
		mode === 'campaign'
			? groupAsCampaign(context, items, (itemIndex, error) => outcome.reject(itemIndex, error))
			: groupPerItem(items);
	const groups: SmsGroup[] = [];
	for (const draft of drafts) {
		const { group, tooLong } = settleGroup(context, draft);
		for (const [itemIndex, error] of tooLong) outcome.reject(itemIndex, error);
		const recipients = group.recipients.filter((recipient) => !tooLong.has(recipient.itemIndex));
		if (recipients.length === 0) continue;
		groups.push({ ...group, recipients, itemIndices: group.itemIndices.filter((index) => !tooLong.has(index)) });
	}
	hintAboutSender(context, groups);
	return groups;
}

/** Mainland France and the overseas departments. */
const FRENCH_COUNTRY_CODES = ['33', '262', '590', '594', '596'];

/** A custom sender to France without "STOP au 36180" is silently replaced by the short code (7.2). */
function hintAboutSender(context: IExecuteFunctions, groups: SmsGroup[]): void {
	const ignored = groups.find(
		({ settings, recipients }) =>
			settings.sender &&
			!endsWithStopMention(settings.message) &&
			recipients.some((recipient) => FRENCH_COUNTRY_CODES.some((code) => recipient.number.international.startsWith(code))),
	);
	if (!ignored) return;
	context.addExecutionHints({
		message: `AllMySMS uses the sender name "${ignored.settings.sender}" for French numbers only when the message ends with "STOP au 36180"; these messages will come from its short code instead.`,
		location: 'outputPane',
	});
}

function uniqueItems(recipients: Recipient[]): number[] {
	return [...new Set(recipients.map((recipient) => recipient.itemIndex))];
}

export async function runSmsOperation(this: IExecuteFunctions, spec: SmsOperationSpec): Promise<INodeExecutionData[][]> {
	const outcome = new Outcome(this);
	const mode: SendMode = spec.campaignMode ? (this.getNodeParameter('sendMode', 0, 'perItem') as SendMode) : 'perItem';
	const groups = checkedGroups(this, spec, mode, outcome);

	// Every item has been checked: from here on, requests are sent.
	for (const group of groups) {
		const answers: IDataObject[] = [];
		for (const [index, recipients] of chunkRecipients(group).entries()) {
			const request: SmsRequest = { index, group, recipients, itemIndices: uniqueItems(recipients) };
			let answer: IDataObject;
			try {
				answer = await callApi.call(this, spec.method, {
					...spec.build(request),
					format: group.settings.format,
					itemIndex: request.itemIndices[0],
					sends: spec.sends,
				});
			} catch (error) {
				outcome.failRequest(request.itemIndices, error as NodeApiError);
				continue;
			}
			if (spec.sends) outcome.noteAccepted(request.itemIndices, answer);
			answers.push(answer);
			if (mode === 'campaign' && spec.summarise) continue;
			for (const entry of spec.present(request, answer, mode)) outcome.add([entry.itemIndex], entry.json);
		}
		if (mode === 'campaign' && spec.summarise && answers.length) {
			outcome.add(group.itemIndices, spec.summarise(answers));
		}
	}
	return [outcome.items()];
}
