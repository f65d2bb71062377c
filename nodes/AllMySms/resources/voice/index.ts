import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { createCode, createCodeDescription } from './createCode';
import { downloadMedia, downloadMediaDescription } from './downloadMedia';
import { getMedia, getMediaDescription } from './getMedia';
import { sendVocal, sendVocalDescription } from './sendVocal';
import { simpleVocal, simpleVocalDescription } from './simpleVocal';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('voice'),
	options: [
		{
			name: 'Create Code',
			value: 'createCode',
			action: 'Create a voice recording code',
			description:
				'Create a code under which you record a voice message by phone at 09 77 55 40 93, to send or download it afterwards',
		},
		{
			name: 'Download Recording',
			value: 'downloadMedia',
			action: 'Download a voice recording',
			description:
				'Download the message recorded under a voice code, as an audio file (WAV or MP3)',
		},
		{
			name: 'Get Recording Info',
			value: 'getMedia',
			action: 'Get the information of a voice recording',
			description:
				'Get the label, duration, recording status and dates of the message recorded under a voice code',
		},
		{
			name: 'Send',
			value: 'sendVocal',
			action: 'Send a voice message',
			description:
				'Send a voice message (an audio file or a recorded code) to French mobiles, on voicemail or as a call, now or later',
		},
		{
			name: 'Send Simple',
			value: 'simpleVocal',
			action: 'Send an audio file as a voice message',
			description:
				'The plainest voice send: an audio file URL to French mobiles, without the recorded messages and campaigns of Send',
		},
	],
	default: 'sendVocal',
};

const fields: INodeProperties[] = [
	...sendVocalDescription,
	...simpleVocalDescription,
	...createCodeDescription,
	...getMediaDescription,
	...downloadMediaDescription,
];

export const voice: Resource = {
	picker,
	fields,
	operations: {
		createCode,
		downloadMedia,
		getMedia,
		sendVocal: { run: sendVocal },
		simpleVocal: { run: simpleVocal },
	},
};
