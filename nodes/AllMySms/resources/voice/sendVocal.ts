import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { readSendMode, recipientOutput, BatchRun } from '../../shared/batchRunner';
import { judgeAtDeparture } from '../../shared/rules/sendingRules';
import type { Flow } from '../../shared/transport';
import {
	audioSourceField,
	audioUrlField,
	vocalCodeField,
	voiceOptionsField,
	voicePhoneNumbersField,
	voiceSenderField,
	voiceSendModeField,
} from './fields';
import { checkVoiceCost, prepareVoice } from './voiceSettings';
import type { VoiceRecipient, VoiceSettings } from './voiceSettings';

export const sendVocalDescription: INodeProperties[] = [
	voiceSendModeField,
	voicePhoneNumbersField(['sendVocal']),
	audioSourceField,
	audioUrlField(['sendVocal']),
	vocalCodeField,
	voiceSenderField(['sendVocal']),
	messageCategoryField('voice', ['sendVocal']),
	outsideAllowedHoursField('voice', ['sendVocal']),
	voiceOptionsField('sendVocal'),
];

/**
 * The vocalData flow of section 37.2, fields in the order of annex 12. Recipients go in
 * international form (336…): 37.2 asks for "format international avec ou sans +".
 */
function vocalFlow(
	settings: VoiceSettings,
	recipients: VoiceRecipient[],
	uniqueIdentifier?: string,
): Flow {
	const flow: Flow = {};
	if (settings.campaignName) flow.CAMPAIGN_NAME = settings.campaignName;
	if (settings.sendAt) flow.DATE = settings.sendAt;
	if (settings.audioUrl) flow.URL = settings.audioUrl;
	if (settings.code) flow.CODE = settings.code;
	flow.TPOA = settings.sender;
	if (uniqueIdentifier) flow.UNIQUEIDENTIFIER = uniqueIdentifier;
	flow.VOCALS = recipients.map((recipient) => ({ MOBILEPHONE: recipient.number.international }));
	return flow;
}

/** Campaign mode: one output per recipient, in the order of the input items. */
function perRecipient(recipients: VoiceRecipient[], answer: IDataObject): IDataObject[] {
	const invalid = new Set(
		((answer.invalidNumbers as string[] | undefined) ?? []).map((number) =>
			number.replace(/^\+/, ''),
		),
	);
	return recipients.map((recipient) => {
		const { international, toSend } = recipient.number;
		const json = recipientOutput(international, answer);
		if (invalid.has(international) || invalid.has(toSend.replace(/^\+/, '')))
			json.notSentReason = 'invalid';
		if (answer.treatmentStatus !== undefined) json.treatmentStatus = answer.treatmentStatus;
		return json;
	});
}

export async function sendVocal(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new BatchRun<VoiceSettings, VoiceRecipient>(this, {
		method: 'sendVocal',
		sends: true,
	});
	const mode = readSendMode(this);
	for (const batch of await checkVoiceCost(this, run, prepareVoice(this, run, 'sendVocal', mode))) {
		const { settings } = batch;
		await run.send(batch, {
			chunkSize: settings.recipientsPerRequest,
			format: settings.format,
			// `type` is a form parameter next to vocalData (37.1), not a flow field.
			build: (recipients, uniqueIdentifier) => ({
				params: { type: settings.type },
				// The commercial hours are judged again as each request leaves.
				flow: vocalFlow(
					judgeAtDeparture(run.node, settings, recipients),
					recipients,
					uniqueIdentifier,
				),
			}),
			perEntry: mode === 'campaign' ? perRecipient : undefined,
		});
	}
	return run.output();
}
