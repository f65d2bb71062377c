import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

/** The routing of the createCode operation (its option is in index.ts). */
export const createCodeRouting: INodePropertyRouting = apiRouting('createCode');

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
			retriesOption,
			timeoutOption,
		],
	},
];
