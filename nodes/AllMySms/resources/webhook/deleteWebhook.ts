import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { webhookTypeField } from './common';

const show = { resource: ['webhook'], operation: ['deleteWebhook'] };

export const deleteWebhookOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'deleteWebhook',
	action: 'Delete a webhook URL',
	description: 'deleteWebhook: removes the delivery report or reply URL; AllMySMS stops calling it',
	routing: apiRouting('deleteWebhook'),
};

export const deleteWebhookDescription: INodeProperties[] = [
	webhookTypeField(show, 'Which URL to remove'),
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
