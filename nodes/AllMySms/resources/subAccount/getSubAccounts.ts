import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

/** The routing of the getSubAccounts operation (its option is in index.ts). */
export const getSubAccountsRouting: INodePropertyRouting = apiRouting('getSubAccounts');

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
