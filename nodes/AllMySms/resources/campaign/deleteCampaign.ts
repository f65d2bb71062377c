import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { campaignIdField, readCampaignId } from './common';

const show = showFor('campaign', ['deleteCampaign']);

/** deleteCampaign (20): a scheduled campaign. Section 20's table names the parameter `camId`, while annex 4 answers "Paramètre campId manquant" and every other method says `campId`: the ID is sent under both names. */
export const deleteCampaign: ItemOperation = {
	method: 'deleteCampaign',
	request: (input) => ({ params: { campId: readCampaignId(input), camId: readCampaignId(input) } }),
};

export const deleteCampaignDescription: INodeProperties[] = [
	campaignIdField(
		show,
		'The ID of the scheduled campaign to delete, as AllMySMS returned it when it was sent',
	),
	requestOptions(show),
];
