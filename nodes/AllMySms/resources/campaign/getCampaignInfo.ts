import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField, campaignTypeOption } from './common';

const show = { resource: ['campaign'], operation: ['getCampaignInfo'] };

/** The routing of the getCampaignInfo operation (its option is in index.ts). */
export const getCampaignInfoRouting: INodePropertyRouting = apiRouting('getCampaignInfo');

export const getCampaignInfoDescription: INodeProperties[] = [
	campaignIdField(show, ['campaignId']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [campaignTypeOption, requestFormatOption, retriesOption, timeoutOption],
	},
];
