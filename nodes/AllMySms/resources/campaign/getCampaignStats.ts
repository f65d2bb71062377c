import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField, campaignTypeOption } from './common';

const show = { resource: ['campaign'], operation: ['getCampaignStats'] };

/** The routing of the getCampaignStats operation (its option is in index.ts). */
export const getCampaignStatsRouting: INodePropertyRouting = apiRouting('getCampaignStats');

export const getCampaignStatsDescription: INodeProperties[] = [
	campaignIdField(show, ['campaignId']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			campaignTypeOption,
			{
				displayName: 'Include Numbers',
				name: 'msisdnList',
				type: 'boolean',
				default: false,
				description:
					'Whether to add msisdnList: every phone number of the campaign with its delivery status (0 while pending) and, when links are tracked, its clicks',
				routing: { send: { type: 'body', property: 'msisdnList', value: '={{ $value ? 1 : 0 }}' } },
			},
			requestFormatOption,
			retriesOption,
			timeoutOption,
		],
	},
];
