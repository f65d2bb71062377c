import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requestIdentifier } from '../../shared/sends';
import { audioUrlField, voiceOptionsField, voicePhoneNumbersField, voiceSenderField } from './fields';
import { runVoiceOperation } from './voicePipeline';
import type { VoiceOperationSpec } from './voicePipeline';

export const simpleVocalDescription: INodeProperties[] = [
	voicePhoneNumbersField(['simpleVocal']),
	audioUrlField(['simpleVocal']),
	voiceSenderField(['simpleVocal']),
	voiceOptionsField('simpleVocal'),
];

const spec: VoiceOperationSpec = {
	operation: 'simpleVocal',
	campaignMode: false,
	build: ({ group, recipients, index }) => {
		const { settings } = group;
		const uniqueIdentifier = requestIdentifier(settings.uniqueIdentifier, index);
		return {
			params: {
				url: settings.audioUrl,
				// "Pour indiquer plusieurs numéros, séparez-les par des points-virgules" (36).
				mobile: recipients.map((recipient) => recipient.number.international).join(';'),
				tpoa: settings.sender,
				type: settings.type,
				date: settings.sendAt,
				campaign: settings.campaignName,
				// Section 36 spells the parameter `uniquelIdentifier`; simpleSms (6) calls it
				// `uniqueidentifier`. The typo may be the manual's only, so both are sent: the
				// API reads the one it knows and ignores the other.
				uniquelIdentifier: uniqueIdentifier,
				uniqueidentifier: uniqueIdentifier,
			},
		};
	},
};

export async function simpleVocal(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runVoiceOperation.call(this, spec);
}
