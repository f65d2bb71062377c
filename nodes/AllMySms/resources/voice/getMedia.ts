import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

/** getMedia (39): what is known of a recording made with a voice code. */
export const getMedia: ItemOperation = {
	method: 'getMedia',
	request: (input) => ({ params: { code: input.text('code') } }),
};

/** The voice code of getMedia and downloadMedia (39.1, 40.1). */
export function voiceCodeField(operation: 'getMedia' | 'downloadMedia'): INodeProperties {
	return {
		displayName: 'Voice Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12345654',
		displayOptions: showFor('voice', [operation]),
		description: 'Code returned by Create Code (createCode)',
	};
}

export const getMediaDescription: INodeProperties[] = [
	voiceCodeField('getMedia'),
	requestOptions(showFor('voice', ['getMedia'])),
];
