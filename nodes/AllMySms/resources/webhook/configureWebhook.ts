import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { sendWebhookUrl, webhookTypeField } from './common';

const show = { resource: ['webhook'], operation: ['configureWebhook'] };

/** The routing of the configureWebhook operation (its option is in index.ts). */
export const configureWebhookRouting: INodePropertyRouting = apiRouting('configureWebhook');

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
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
