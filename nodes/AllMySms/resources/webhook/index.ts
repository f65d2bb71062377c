import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { configureWebhook, configureWebhookDescription } from './configureWebhook';
import { deleteWebhook, deleteWebhookDescription } from './deleteWebhook';
import { getWebhook, getWebhookDescription } from './getWebhook';

/**
 * Webhooks, manual sections 41-43: the account's delivery report (DLR) and reply (MO) URLs.
 * The AllMySMS Trigger uses the same methods to register itself.
 */
const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('webhook'),
	options: [
		{
			name: 'Configure',
			value: 'configureWebhook',
			action: 'Configure a webhook URL',
			description:
				'Set the URL AllMySMS calls with delivery reports or replies, replacing the current one. The URL must answer "OK" within 5 seconds.',
		},
		{
			name: 'Delete',
			value: 'deleteWebhook',
			action: 'Delete a webhook URL',
			description: 'Remove the delivery report or reply URL. AllMySMS stops calling it.',
		},
		{
			name: 'Get',
			value: 'getWebhook',
			action: 'Get the webhooks',
			description: 'Get the URLs AllMySMS calls with delivery reports and replies',
		},
	],
	default: 'getWebhook',
};

const fields: INodeProperties[] = [
	...getWebhookDescription,
	...configureWebhookDescription,
	...deleteWebhookDescription,
];

export const webhook: Resource = {
	picker,
	fields,
	operations: { configureWebhook, deleteWebhook, getWebhook },
};
