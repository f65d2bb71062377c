import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField } from './common';

const show = { resource: ['campaign'], operation: ['deleteCampaign'] };

/** The routing of the deleteCampaign operation (its option is in index.ts). */
export const deleteCampaignRouting: INodePropertyRouting = apiRouting('deleteCampaign');

export const deleteCampaignDescription: INodeProperties[] = [
	// Section 20's table names the parameter `camId`, while annex 4 answers "Paramètre campId
	// manquant" and every other method says `campId`: the ID is sent under both names.
	campaignIdField(show, ['campId', 'camId'], 'The ID of the scheduled campaign to delete, as AllMySMS returned it when it was sent'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
