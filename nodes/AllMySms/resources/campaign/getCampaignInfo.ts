import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { campaignIdField, campaignTypeOption, readCampaignId } from './common';

const show = showFor('campaign', ['getCampaignInfo']);

/** getCampaignInfo (12): one campaign. */
export const getCampaignInfo: ItemOperation = {
	method: 'getCampaignInfo',
	request: (input) => ({
		params: { campaignId: readCampaignId(input), type: input.optionText('type') },
	}),
};

export const getCampaignInfoDescription: INodeProperties[] = [
	campaignIdField(show),
	requestOptions(show, [campaignTypeOption]),
];
