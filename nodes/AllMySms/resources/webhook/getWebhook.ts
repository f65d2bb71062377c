import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

const show = { resource: ['webhook'], operation: ['getWebhook'] };

/** The routing of the getWebhook operation (its option is in index.ts). */
export const getWebhookRouting: INodePropertyRouting = apiRouting('getWebhook');

export const getWebhookDescription: INodeProperties[] = [
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
