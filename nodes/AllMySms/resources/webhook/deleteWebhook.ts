import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { readWebhookType, webhookTypeField } from './common';

const show = showFor('webhook', ['deleteWebhook']);

/** deleteWebhook (43): removes the account's URL of one kind. */
export const deleteWebhook: ItemOperation = {
	method: 'deleteWebhook',
	request: (input) => ({ params: { type: readWebhookType(input) } }),
};

export const deleteWebhookDescription: INodeProperties[] = [
	webhookTypeField(show, 'Which URL to remove'),
	requestOptions(show),
];
