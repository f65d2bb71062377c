import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField, campaignTypeOption } from '../campaign/common';

const show = { resource: ['deliveryReport'], operation: ['getAcks'] };

export const getAcksOperation: INodePropertyOptions = {
	name: 'Get Many by Campaign',
	value: 'getAcks',
	action: 'Get the delivery reports of a campaign',
	description:
		'getAcks: one item per SMS of the campaign that has a delivery report, with its status (1 delivered, 2 not delivered, 3 sent to the operator, 4 rejected, 5 unknown number)',
	routing: apiRouting('getAcks'),
};

export const getAcksDescription: INodeProperties[] = [
	// Section 9 names the parameter campId.
	campaignIdField(show, ['campId']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		// `type` is not in section 9's table, but the history (1.19) says getAcks gained it to tell
		// SMS from voice campaigns: offered, and only sent when chosen.
		options: [campaignTypeOption, requestFormatOption],
	},
];
