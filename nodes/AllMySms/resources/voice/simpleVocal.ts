import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { BatchRun } from '../../shared/batchRunner';
import { judgeAtDeparture } from '../../shared/rules/sendingRules';
import {
	audioUrlField,
	voiceOptionsField,
	voicePhoneNumbersField,
	voiceSenderField,
} from './fields';
import { checkVoiceCost, prepareVoice } from './voiceSettings';
import type { VoiceRecipient, VoiceSettings } from './voiceSettings';

export const simpleVocalDescription: INodeProperties[] = [
	voicePhoneNumbersField(['simpleVocal']),
	audioUrlField(['simpleVocal']),
	voiceSenderField(['simpleVocal']),
	messageCategoryField('voice', ['simpleVocal']),
	outsideAllowedHoursField('voice', ['simpleVocal']),
	voiceOptionsField('simpleVocal'),
];

/** The simplified voice URL (section 36): plain parameters, one request per item. */
export async function simpleVocal(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new BatchRun<VoiceSettings, VoiceRecipient>(this, {
		method: 'simpleVocal',
		sends: true,
	});
	for (const batch of await checkVoiceCost(
		this,
		run,
		prepareVoice(this, run, 'simpleVocal', 'perItem'),
	)) {
		const { settings } = batch;
		await run.send(batch, {
			chunkSize: settings.recipientsPerRequest,
			format: settings.format,
			build: (recipients, uniqueIdentifier) => {
				return {
					params: {
						url: settings.audioUrl,
						// "Pour indiquer plusieurs numéros, séparez-les par des points-virgules" (36).
						mobile: recipients.map((recipient) => recipient.number.international).join(';'),
						tpoa: settings.sender,
						type: settings.type,
						// The commercial hours are judged again as the request leaves.
						date: judgeAtDeparture(run.node, settings, recipients).sendAt,
						campaign: settings.campaignName,
						// Section 36 spells the parameter `uniquelIdentifier`; simpleSms (6) calls it
						// `uniqueidentifier`. The typo may be the manual's only, so both are sent: the
						// API reads the one it knows and ignores the other.
						uniquelIdentifier: uniqueIdentifier,
						uniqueidentifier: uniqueIdentifier,
					},
				};
			},
		});
	}
	return run.output();
}
