import type { INodeProperties } from 'n8n-workflow';

import {
	campaignNameOption,
	optionsCollection,
	recipientsPerRequestOption,
	requestFormatOption,
	retriesOption,
	timeoutOption,
	sendAtOption,
	sendModeField,
	showFor,
	skipIdenticalSendsOption,
	uniqueIdentifierOption,
} from '../../shared/descriptions';
import { sendingRuleOptions } from '../../shared/rules/ruleFields';

/** Fields of the voice sends (simpleVocal, section 36; sendVocal, section 37). */

export type VoiceSendOperation = 'simpleVocal' | 'sendVocal';

/** The interactive voice server where a message is recorded under a createCode code (38.1). */
export const RECORDING_NUMBER = '09 77 55 40 93';

const show = (operations: VoiceSendOperation[], extra: Record<string, string[]> = {}) =>
	showFor('voice', operations, extra);

export const voiceSendModeField: INodeProperties = sendModeField(
	show(['sendVocal']),
	'Each input item is a recipient; all of them get the same message as one campaign, in as few requests as possible',
);

export function voicePhoneNumbersField(operations: VoiceSendOperation[]): INodeProperties {
	return {
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0612345678, +33712345678',
		displayOptions: show(operations),
		description:
			'French mobile numbers (voice messages go to mainland France only), separated by commas, semicolons or new lines, or a list from an expression: 06…/07…, 336…/337… or +336…/+337…',
	};
}

export const audioSourceField: INodeProperties = {
	displayName: 'Audio',
	name: 'audioSource',
	type: 'options',
	noDataExpression: true,
	displayOptions: show(['sendVocal']),
	options: [
		{
			name: 'Audio File URL',
			value: 'url',
			description: 'A WAV or MP3 file that AllMySMS downloads',
		},
		{
			name: 'Recorded Message (Voice Code)',
			value: 'code',
			description: `A message recorded by phone at ${RECORDING_NUMBER} under a code from Create Code`,
		},
	],
	default: 'url',
};

export function audioUrlField(operations: VoiceSendOperation[]): INodeProperties {
	return {
		displayName: 'Audio File URL',
		name: 'audioUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/message.mp3',
		displayOptions: operations.includes('sendVocal')
			? showFor('voice', operations, { audioSource: ['url'] })
			: show(operations),
		description:
			'Public http(s) URL of a WAV or MP3 file that AllMySMS downloads: 5 to 35 seconds, 1 KB to 5 MB',
	};
}

export const vocalCodeField: INodeProperties = {
	displayName: 'Voice Code',
	name: 'vocalCode',
	type: 'string',
	required: true,
	default: '',
	placeholder: '12345654',
	displayOptions: show(['sendVocal'], { audioSource: ['code'] }),
	description: `Code returned by Create Code (createCode) under which the message was recorded by phone at ${RECORDING_NUMBER}`,
};

export function voiceSenderField(operations: VoiceSendOperation[]): INodeProperties {
	return {
		displayName: 'Sender Number',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0123456789',
		displayOptions: show(operations),
		description:
			'The French landline shown as the caller (TPOA): 01, 02, 03, 04, 05 or 09 followed by 8 digits. Mobile and 08 numbers are refused.',
	};
}

const messageTypeOption: INodeProperties = {
	displayName: 'Message Type',
	name: 'messageType',
	type: 'options',
	options: [
		{
			name: 'Voicemail Drop',
			value: 'directdeposit',
			description:
				'Left directly on the voicemail, without the phone ringing (MVR, "directdeposit")',
		},
		{
			name: 'Phone Call',
			value: 'call',
			description: 'The phone rings and the message plays when the person answers ("call")',
		},
	],
	default: 'directdeposit',
	description:
		'How the message reaches the recipient; each has its own price (Account → Get Prices: directdeposit, call)',
};

export function voiceOptionsField(operation: VoiceSendOperation): INodeProperties {
	const common = [
		messageTypeOption,
		sendAtOption,
		campaignNameOption,
		uniqueIdentifierOption,
		skipIdenticalSendsOption,
		retriesOption,
		timeoutOption,
		...sendingRuleOptions(false),
	];
	// simpleVocal always answers JSON (36.1) and takes no flow.
	const options =
		operation === 'sendVocal'
			? [...common, recipientsPerRequestOption, requestFormatOption]
			: common;
	return optionsCollection(show([operation]), options);
}
