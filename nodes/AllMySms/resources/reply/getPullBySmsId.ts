import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { smsIdField } from '../campaign/common';

const show = { resource: ['reply'], operation: ['getPullBySmsId'] };

/** The routing of the getPullBySmsId operation (its option is in index.ts). */
export const getPullBySmsIdRouting: INodePropertyRouting = apiRouting('getPullBySmsId');

export const getPullBySmsIdDescription: INodeProperties[] = [
	smsIdField(show),
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
