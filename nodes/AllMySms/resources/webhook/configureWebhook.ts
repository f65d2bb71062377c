import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { readWebhookType, readWebhookUrl, webhookTypeField } from './common';

const show = showFor('webhook', ['configureWebhook']);

/** configureWebhook (42): the account's URL for delivery reports or replies. */
export const configureWebhook: ItemOperation = {
	method: 'configureWebhook',
	request: (input) => ({ params: { type: readWebhookType(input), url: readWebhookUrl(input) } }),
};

export const configureWebhookDescription: INodeProperties[] = [
	{
		displayName:
			'To receive delivery reports or replies in n8n, use the AllMySMS Trigger instead: it sets its own URL while the workflow is published and puts the previous one back afterwards.',
		name: 'configureWebhookNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	webhookTypeField(show, 'Which events the URL receives. An account has one URL for each.'),
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/allmysms/events',
		description:
			'Called by AllMySMS with GET and the event as query parameters. It must answer "OK" (plain text) within 5 seconds, or AllMySMS refuses it.',
		displayOptions: show,
	},
	requestOptions(show),
];
