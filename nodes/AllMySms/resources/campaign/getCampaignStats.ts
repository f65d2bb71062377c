import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { campaignIdField, campaignTypeOption, readCampaignId } from './common';

const show = showFor('campaign', ['getCampaignStats']);

/** getCampaignStats (11): a campaign's delivery figures, and its numbers when asked. */
export const getCampaignStats: ItemOperation = {
	method: 'getCampaignStats',
	request: (input) => ({
		params: {
			campaignId: readCampaignId(input),
			type: input.optionText('type'),
			msisdnList: input.optionFlag('msisdnList'),
		},
	}),
};

export const getCampaignStatsDescription: INodeProperties[] = [
	campaignIdField(show),
	requestOptions(show, [
		campaignTypeOption,
		{
			displayName: 'Include Numbers',
			name: 'msisdnList',
			type: 'boolean',
			default: false,
			description:
				'Whether to add msisdnList: every phone number of the campaign with its delivery status (0 while pending) and, when links are tracked, its clicks',
		},
	]),
];
