import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

export const getInfoOperation: INodePropertyOptions = {
	name: 'Get Info',
	value: 'getInfo',
	action: 'Get account information',
	description: 'getInfo: account status, remaining credits and SMS, balance and contact details',
	routing: apiRouting('getInfo'),
};

export const getInfoDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['account'], operation: ['getInfo'] } },
		options: [requestFormatOption],
	},
];
