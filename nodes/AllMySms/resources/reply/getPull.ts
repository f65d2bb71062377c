import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { campaignIdField } from '../campaign/common';

const show = { resource: ['reply'], operation: ['getPull'] };

/** The routing of the getPull operation (its option is in index.ts). */
export const getPullRouting: INodePropertyRouting = apiRouting('getPull');

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
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
