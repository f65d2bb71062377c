import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

/** The routing of the getBlacklist operation (its option is in index.ts). */
export const getBlacklistRouting: INodePropertyRouting = apiRouting('getBlacklist');

export const getBlacklistDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['blacklist'], operation: ['getBlacklist'] } },
		options: [
			{
				displayName: 'Campaign ID',
				name: 'campaignId',
				type: 'string',
				default: '',
				description: 'Only the numbers blacklisted because of this campaign (its STOP answers and unreachable numbers)',
				routing: { send: { type: 'body', property: 'campaignId', value: '={{ String($value ?? "").trim() }}' } },
			},
			requestFormatOption,
			retriesOption,
			timeoutOption,
			{
				displayName: 'Sub-Account Name or ID',
				name: 'subAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSubAccounts' },
				default: '',
				description:
					'The blacklist of this sub-account instead of your own (manual 18.1); an expression gives its login. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'body', property: 'subAccount' } },
			},
		],
	},
];
