import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ApiMethodName } from '../../shared/apiMethods';
import { runSends } from '../../shared/sends';
import type { OutputEntry, SendMode, SendPlan, SendRequest } from '../../shared/sends';
import type { Flow } from '../../shared/transport';
import { endsWithStopMention } from '../../shared/validation/sender';
import type { SmsOperation } from './fields';
import { groupAsCampaign, groupPerItem, readSmsItem, settleGroup } from './smsItems';
import type { Recipient, SmsGroup, SmsSettings } from './smsItems';

/**
 * How the SMS operations run (shared/sends.ts): every item is read and checked first; only
 * when all are valid (or, with "Continue On Fail", the invalid ones set aside as error items)
 * do requests start, one after the other, each campaign split into requests of at most
 * "Recipients per Request".
 */

export type { OutputEntry, SendMode } from '../../shared/sends';

/** One HTTP request: part (or all) of a group. */
export type SmsRequest = SendRequest<SmsGroup>;

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

export async function runSmsOperation(this: IExecuteFunctions, spec: SmsOperationSpec): Promise<INodeExecutionData[][]> {
	const mode: SendMode = spec.campaignMode ? (this.getNodeParameter('sendMode', 0, 'perItem') as SendMode) : 'perItem';
	const plan: SendPlan<SmsSettings, Recipient, SmsGroup> = {
		method: spec.method,
		sends: spec.sends,
		read: (itemIndex) => readSmsItem.call(this, spec.operation, itemIndex),
		group: (items, reject) => (mode === 'campaign' ? groupAsCampaign(this, items, reject) : groupPerItem(items)),
		settle: (draft, reject) => {
			const { group, tooLong } = settleGroup(this, draft);
			for (const [itemIndex, error] of tooLong) reject(itemIndex, error);
			const recipients = group.recipients.filter((recipient) => !tooLong.has(recipient.itemIndex));
			if (recipients.length === 0) return undefined;
			return { ...group, recipients, itemIndices: group.itemIndices.filter((index) => !tooLong.has(index)) };
		},
		checked: (groups) => hintAboutSender(this, groups),
		chunkSize: (settings) => settings.recipientsPerRequest,
		format: (settings) => settings.format,
		build: spec.build,
		present: (request, answer) => spec.present(request, answer, mode),
		summarise: mode === 'campaign' && spec.summarise ? spec.summarise : undefined,
	};
	return await runSends.call(this, plan);
}
