import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { campaignIdField, readCampaignId } from '../campaign/common';

const show = showFor('reply', ['getPull']);

/** getPull (15): a campaign's replies. Section 15 names the parameter campId. */
export const getPull: ItemOperation = {
	method: 'getPull',
	request: (input) => ({ params: { campId: readCampaignId(input) } }),
};

export const getPullDescription: INodeProperties[] = [campaignIdField(show), requestOptions(show)];
