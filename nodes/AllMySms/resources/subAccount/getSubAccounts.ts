import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

export const getSubAccountsOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getSubAccounts',
	action: 'Get sub-accounts',
	description:
		'getSubAccounts: your sub-accounts with their contact and billing details, credits and balance, one item per sub-account (none when you have none)',
	routing: apiRouting('getSubAccounts'),
};

export const getSubAccountsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['subAccount'], operation: ['getSubAccounts'] } },
		options: [requestFormatOption],
	},
];
