import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { smsIdField } from '../campaign/common';

const show = { resource: ['deliveryReport'], operation: ['getAckBySmsId'] };

/** The routing of the getAckBySmsId operation (its option is in index.ts). */
export const getAckBySmsIdRouting: INodePropertyRouting = apiRouting('getAckBySmsId');

export const getAckBySmsIdDescription: INodeProperties[] = [
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
