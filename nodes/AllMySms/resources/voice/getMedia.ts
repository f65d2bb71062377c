import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

/** The routing of the getMedia operation (its option is in index.ts). */
export const getMediaRouting: INodePropertyRouting = apiRouting('getMedia');

/** The voice code of getMedia and downloadMedia (39.1, 40.1). */
export function voiceCodeField(operation: 'getMedia' | 'downloadMedia'): INodeProperties {
	return {
		displayName: 'Voice Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12345654',
		displayOptions: { show: { resource: ['voice'], operation: [operation] } },
		description: 'Code returned by Create Code (createCode)',
		routing: { send: { type: 'body', property: 'code', value: '={{ String($value ?? "").trim() }}' } },
	};
}

export const getMediaDescription: INodeProperties[] = [
	voiceCodeField('getMedia'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['voice'], operation: ['getMedia'] } },
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
