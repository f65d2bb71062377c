import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

/** The routing of the getInfo operation (its option is in index.ts). */
export const getInfoRouting: INodePropertyRouting = apiRouting('getInfo');

export const getInfoDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['account'], operation: ['getInfo'] } },
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
