import type { INodeProperties } from 'n8n-workflow';

import { createCodeDescription, createCodeOperation } from './createCode';
import { downloadMediaDescription, downloadMediaOperation } from './downloadMedia';
import { getMediaDescription, getMediaOperation } from './getMedia';
import { sendVocal, sendVocalDescription } from './sendVocal';
import { simpleVocal, simpleVocalDescription } from './simpleVocal';

export const voiceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['voice'] } },
	options: [
		createCodeOperation,
		downloadMediaOperation,
		getMediaOperation,
		{
			name: 'Send',
			value: 'sendVocal',
			action: 'Send a voice message',
			description:
				'sendVocal: a voice message (audio file or recorded code) to French mobiles, on voicemail or as a call, now or later',
		},
		{
			name: 'Send Simple',
			value: 'simpleVocal',
			action: 'Send a voice message through the simplified URL',
			description: 'simpleVocal: the simplified voice URL (section 36), an audio file URL to French mobiles',
		},
	],
	default: 'sendVocal',
};

export const voiceFields: INodeProperties[] = [
	...sendVocalDescription,
	...simpleVocalDescription,
	...createCodeDescription,
	...getMediaDescription,
	...downloadMediaDescription,
];

/** Voice sends check every item before the first request, like SMS sends. */
export const voiceCustomOperations = { sendVocal, simpleVocal };
