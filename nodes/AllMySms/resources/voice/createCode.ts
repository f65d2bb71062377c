import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { RECORDING_NUMBER } from './fields';

export const createCodeOperation: INodePropertyOptions = {
	name: 'Create Code',
	value: 'createCode',
	action: 'Create a voice recording code',
	description: `createCode: a code under which a voice message is recorded by phone at ${RECORDING_NUMBER}, then sent with Send or downloaded`,
	routing: apiRouting('createCode'),
};

export const createCodeDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['voice'], operation: ['createCode'] } },
		options: [
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				placeholder: 'Opening hours message',
				description: 'Name of the code, shown in the AllMySMS manager',
				routing: { send: { type: 'body', property: 'label' } },
			},
			requestFormatOption,
		],
	},
];
