import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { webhookTypeField } from './common';

const show = { resource: ['webhook'], operation: ['deleteWebhook'] };

/** The routing of the deleteWebhook operation (its option is in index.ts). */
export const deleteWebhookRouting: INodePropertyRouting = apiRouting('deleteWebhook');

export const deleteWebhookDescription: INodeProperties[] = [
	webhookTypeField(show, 'Which URL to remove'),
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
