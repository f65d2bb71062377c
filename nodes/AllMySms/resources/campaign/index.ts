import type { INodeProperties } from 'n8n-workflow';

import { deleteCampaignDescription, deleteCampaignOperation } from './deleteCampaign';
import { getCampaignInfoDescription, getCampaignInfoOperation } from './getCampaignInfo';
import { getCampaignsInfoDescription, getCampaignsInfoOperation } from './getCampaignsInfo';
import { getCampaignStatsDescription, getCampaignStatsOperation } from './getCampaignStats';

/** Campaigns (manual sections 11-13 and 20). */
export const campaignOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaign'] } },
	options: [deleteCampaignOperation, getCampaignInfoOperation, getCampaignsInfoOperation, getCampaignStatsOperation],
	default: 'getCampaignsInfo',
};

export const campaignFields: INodeProperties[] = [
	...getCampaignsInfoDescription,
	...getCampaignInfoDescription,
	...getCampaignStatsDescription,
	...deleteCampaignDescription,
];
