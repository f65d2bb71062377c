import type { INodeProperties } from 'n8n-workflow';

import { deleteCampaignDescription, deleteCampaignRouting } from './deleteCampaign';
import { getCampaignInfoDescription, getCampaignInfoRouting } from './getCampaignInfo';
import { getCampaignsInfoDescription, getCampaignsInfoRouting } from './getCampaignsInfo';
import { getCampaignStatsDescription, getCampaignStatsRouting } from './getCampaignStats';

/** Campaigns (manual sections 11-13 and 20). */
export const campaignOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaign'] } },
	options: [
		{
			name: 'Delete',
			value: 'deleteCampaign',
			action: 'Delete a scheduled campaign',
			description: 'Cancel a scheduled campaign before it is sent. A campaign already sent cannot be deleted.',
			routing: deleteCampaignRouting,
		},
		{
			name: 'Get',
			value: 'getCampaignInfo',
			action: 'Get a campaign',
			description: 'Get the name, message, sender, dates, status and counts of one campaign',
			routing: getCampaignInfoRouting,
		},
		{
			name: 'Get Many',
			value: 'getCampaignsInfo',
			action: 'Get many campaigns',
			description: 'Get many campaigns, sent or scheduled in a period, in order of sending date',
			routing: getCampaignsInfoRouting,
		},
		{
			name: 'Get Stats',
			value: 'getCampaignStats',
			action: 'Get the statistics of a campaign',
			description: 'Get the figures of a campaign (delivered, undelivered, pending, STOP, replies, clicks), and optionally each number with its status',
			routing: getCampaignStatsRouting,
		},
	],
	default: 'getCampaignsInfo',
};

export const campaignFields: INodeProperties[] = [
	...getCampaignsInfoDescription,
	...getCampaignInfoDescription,
	...getCampaignStatsDescription,
	...deleteCampaignDescription,
];
