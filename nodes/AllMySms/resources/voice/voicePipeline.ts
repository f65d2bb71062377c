import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { groupAsCampaign, groupPerItem, runSends } from '../../shared/sends';
import type { OutputEntry, SendMode, SendPlan, SendRequest } from '../../shared/sends';
import type { Flow } from '../../shared/transport';
import type { VoiceSendOperation } from './fields';
import { readVoiceItem, VOICE_SETTING_LABELS } from './voiceItems';
import type { VoiceGroup, VoiceRecipient, VoiceSettings } from './voiceItems';

/**
 * The voice sends run like the SMS sends (shared/sends.ts): every item checked before the
 * first request, then the requests one after the other, with "Continue On Fail" and "already
 * accepted" errors handled by `Outcome`.
 */

export type VoiceRequest = SendRequest<VoiceGroup>;

export interface VoiceOperationSpec {
	operation: VoiceSendOperation;
	/** The operation offers "One Campaign for All Input Items". */
	campaignMode: boolean;
	build(request: VoiceRequest): { params?: IDataObject; flow?: Flow };
}

/** Campaign mode: one output per recipient, in the order of the input items. */
function perRecipient(request: VoiceRequest, answer: IDataObject): OutputEntry[] {
	const invalid = new Set(((answer.invalidNumbers as string[] | undefined) ?? []).map((number) => number.replace(/^\+/, '')));
	return request.recipients.map((recipient) => {
		const { international, toSend } = recipient.number;
		const json: IDataObject = {
			phoneNumber: international,
			campaignId: answer.campaignId,
			status: answer.status,
			statusText: answer.statusText,
		};
		if (invalid.has(international) || invalid.has(toSend.replace(/^\+/, ''))) json.notSentReason = 'invalid';
		if (answer.treatmentStatus !== undefined) json.treatmentStatus = answer.treatmentStatus;
		return { itemIndex: recipient.itemIndex, json };
	});
}

export async function runVoiceOperation(this: IExecuteFunctions, spec: VoiceOperationSpec): Promise<INodeExecutionData[][]> {
	const mode: SendMode = spec.campaignMode ? (this.getNodeParameter('sendMode', 0, 'perItem') as SendMode) : 'perItem';
	const plan: SendPlan<VoiceSettings, VoiceRecipient, VoiceGroup> = {
		method: spec.operation,
		sends: true,
		read: (itemIndex) => readVoiceItem.call(this, spec.operation, itemIndex),
		group: (items, reject) =>
			mode === 'campaign'
				? groupAsCampaign(
						this,
						items,
						VOICE_SETTING_LABELS,
						'With "One Campaign for All Input Items" every recipient gets the same message with the same options; only the phone numbers vary. Nothing was sent.',
						reject,
					)
				: groupPerItem(items),
		chunkSize: (settings) => settings.recipientsPerRequest,
		format: (settings) => settings.format,
		build: spec.build,
		present: (request, answer) =>
			mode === 'campaign' ? perRecipient(request, answer) : [{ itemIndex: request.itemIndices[0], json: answer }],
	};
	return await runSends.call(this, plan);
}
