import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { deleteCampaign, deleteCampaignDescription } from './deleteCampaign';
import { getCampaignInfo, getCampaignInfoDescription } from './getCampaignInfo';
import { getCampaignsInfo, getCampaignsInfoDescription } from './getCampaignsInfo';
import { getCampaignStats, getCampaignStatsDescription } from './getCampaignStats';

/** Campaigns (manual sections 11-13 and 20). */
const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('campaign'),
	options: [
		{
			name: 'Delete',
			value: 'deleteCampaign',
			action: 'Delete a scheduled campaign',
			description:
				'Cancel a scheduled campaign before it is sent. A campaign already sent cannot be deleted.',
		},
		{
			name: 'Get',
			value: 'getCampaignInfo',
			action: 'Get a campaign',
			description: 'Get the name, message, sender, dates, status and counts of one campaign',
		},
		{
			name: 'Get Many',
			value: 'getCampaignsInfo',
			action: 'Get many campaigns',
			description: 'Get many campaigns, sent or scheduled in a period, in order of sending date',
		},
		{
			name: 'Get Stats',
			value: 'getCampaignStats',
			action: 'Get the statistics of a campaign',
			description:
				'Get the figures of a campaign (delivered, undelivered, pending, STOP, replies, clicks), and optionally each number with its status',
		},
	],
	default: 'getCampaignsInfo',
};

const fields: INodeProperties[] = [
	...getCampaignsInfoDescription,
	...getCampaignInfoDescription,
	...getCampaignStatsDescription,
	...deleteCampaignDescription,
];

export const campaign: Resource = {
	picker,
	fields,
	operations: { deleteCampaign, getCampaignInfo, getCampaignsInfo, getCampaignStats },
};
