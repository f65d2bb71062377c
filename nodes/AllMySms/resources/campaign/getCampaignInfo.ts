import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField, campaignTypeOption } from './common';

const show = { resource: ['campaign'], operation: ['getCampaignInfo'] };

export const getCampaignInfoOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'getCampaignInfo',
	action: 'Get a campaign',
	description:
		'getCampaignInfo: name, message, sender (tpoa), order and sending dates, status, SMS and contact counts of one campaign',
	routing: apiRouting('getCampaignInfo'),
};

export const getCampaignInfoDescription: INodeProperties[] = [
	campaignIdField(show, ['campaignId']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [campaignTypeOption, requestFormatOption],
	},
];
