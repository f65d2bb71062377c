import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requestIdentifier } from '../../shared/sends';
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
import { runVoiceOperation } from './voicePipeline';
import type { VoiceOperationSpec, VoiceRequest } from './voicePipeline';

export const sendVocalDescription: INodeProperties[] = [
	voiceSendModeField,
	voicePhoneNumbersField(['sendVocal']),
	audioSourceField,
	audioUrlField(['sendVocal']),
	vocalCodeField,
	voiceSenderField(['sendVocal']),
	voiceOptionsField('sendVocal'),
];

/**
 * The vocalData flow of section 37.2, fields in the order of annex 12. Recipients go in
 * international form (336…): 37.2 asks for "format international avec ou sans +".
 */
export function vocalFlow({ group, recipients, index }: VoiceRequest): Flow {
	const { settings } = group;
	const flow: Flow = {};
	if (settings.campaignName) flow.CAMPAIGN_NAME = settings.campaignName;
	if (settings.sendAt) flow.DATE = settings.sendAt;
	if (settings.audioUrl) flow.URL = settings.audioUrl;
	if (settings.code) flow.CODE = settings.code;
	flow.TPOA = settings.sender;
	const uniqueIdentifier = requestIdentifier(settings.uniqueIdentifier, index);
	if (uniqueIdentifier) flow.UNIQUEIDENTIFIER = uniqueIdentifier;
	flow.VOCALS = recipients.map((recipient) => ({ MOBILEPHONE: recipient.number.international }));
	return flow;
}

const spec: VoiceOperationSpec = {
	operation: 'sendVocal',
	campaignMode: true,
	// `type` is a form parameter next to vocalData (37.1), not a flow field.
	build: (request) => ({ params: { type: request.group.settings.type }, flow: vocalFlow(request) }),
};

export async function sendVocal(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runVoiceOperation.call(this, spec);
}
