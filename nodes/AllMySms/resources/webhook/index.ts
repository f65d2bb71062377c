import type { INodeProperties } from 'n8n-workflow';

import { configureWebhookDescription, configureWebhookOperation } from './configureWebhook';
import { deleteWebhookDescription, deleteWebhookOperation } from './deleteWebhook';
import { getWebhookDescription, getWebhookOperation } from './getWebhook';

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
	options: [configureWebhookOperation, deleteWebhookOperation, getWebhookOperation],
	default: 'getWebhook',
};

export const webhookFields: INodeProperties[] = [
	...getWebhookDescription,
	...configureWebhookDescription,
	...deleteWebhookDescription,
];
