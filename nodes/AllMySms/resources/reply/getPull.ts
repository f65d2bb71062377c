import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField } from '../campaign/common';

const show = { resource: ['reply'], operation: ['getPull'] };

export const getPullOperation: INodePropertyOptions = {
	name: 'Get Many by Campaign',
	value: 'getPull',
	action: 'Get the replies to a campaign',
	description: 'getPull: one item per reply (SMS-MO) to the campaign, including replies already fetched with Get New',
	routing: apiRouting('getPull'),
};

export const getPullDescription: INodeProperties[] = [
	// Section 15 names the parameter campId.
	campaignIdField(show, ['campId']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [requestFormatOption],
	},
];
