import type { INodeProperties } from 'n8n-workflow';

import { configureWebhookDescription, configureWebhookRouting } from './configureWebhook';
import { deleteWebhookDescription, deleteWebhookRouting } from './deleteWebhook';
import { getWebhookDescription, getWebhookRouting } from './getWebhook';

/**
 * Webhooks, manual sections 41-43: the account's delivery report (DLR) and reply (MO) URLs.
 * The AllMySMS Trigger uses the same methods to register itself.
 */
export const webhookOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{
			name: 'Configure',
			value: 'configureWebhook',
			action: 'Configure a webhook URL',
			description: 'Set the URL AllMySMS calls with delivery reports or replies, replacing the current one. The URL must answer "OK" within 5 seconds.',
			routing: configureWebhookRouting,
		},
		{
			name: 'Delete',
			value: 'deleteWebhook',
			action: 'Delete a webhook URL',
			description: 'Remove the delivery report or reply URL. AllMySMS stops calling it.',
			routing: deleteWebhookRouting,
		},
		{
			name: 'Get',
			value: 'getWebhook',
			action: 'Get the webhooks',
			description: 'Get the URLs AllMySMS calls with delivery reports and replies',
			routing: getWebhookRouting,
		},
	],
	default: 'getWebhook',
};

export const webhookFields: INodeProperties[] = [
	...getWebhookDescription,
	...configureWebhookDescription,
	...deleteWebhookDescription,
];
