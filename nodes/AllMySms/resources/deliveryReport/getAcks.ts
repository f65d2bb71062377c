import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField, campaignTypeOption } from '../campaign/common';

const show = { resource: ['deliveryReport'], operation: ['getAcks'] };

/** The routing of the getAcks operation (its option is in index.ts). */
export const getAcksRouting: INodePropertyRouting = apiRouting('getAcks');

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
		options: [campaignTypeOption, requestFormatOption, retriesOption, timeoutOption],
	},
];
