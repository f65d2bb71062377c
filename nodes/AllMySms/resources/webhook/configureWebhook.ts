import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { sendWebhookUrl, webhookTypeField } from './common';

const show = { resource: ['webhook'], operation: ['configureWebhook'] };

export const configureWebhookOperation: INodePropertyOptions = {
	name: 'Configure',
	value: 'configureWebhook',
	action: 'Configure a webhook URL',
	description:
		'configureWebhook: sets the URL AllMySMS calls with delivery reports or replies, replacing the current one. AllMySMS calls the URL first: it must answer "OK" within 5 seconds.',
	routing: apiRouting('configureWebhook'),
};

export const configureWebhookDescription: INodeProperties[] = [
	{
		displayName:
			'To receive delivery reports or replies in n8n, use the AllMySMS Trigger instead: it sets its own URL while the workflow is active and puts the previous one back afterwards.',
		name: 'configureWebhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
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
		displayOptions: { show },
		routing: { send: { preSend: [sendWebhookUrl] } },
	},
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
