import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { campaignIdField, campaignTypeOption, readCampaignId } from '../campaign/common';

const show = showFor('deliveryReport', ['getAcks']);

/** getAcks (9): a campaign's delivery reports. Section 9 names the parameter campId. */
export const getAcks: ItemOperation = {
	method: 'getAcks',
	request: (input) => ({
		params: { campId: readCampaignId(input), type: input.optionText('type') },
	}),
};

export const getAcksDescription: INodeProperties[] = [
	campaignIdField(show),
	// `type` is not in section 9's table, but the history (1.19) says getAcks gained it to tell
	// SMS from voice campaigns: offered, and only sent when chosen.
	requestOptions(show, [campaignTypeOption]),
];
