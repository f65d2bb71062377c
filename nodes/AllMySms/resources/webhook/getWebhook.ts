import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

const show = { resource: ['webhook'], operation: ['getWebhook'] };

export const getWebhookOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'getWebhook',
	action: 'Get the webhook URLs',
	description:
		'getWebhook: the URLs AllMySMS calls with delivery reports (webhookDlr) and replies (webhookMo), empty when none is set',
	routing: apiRouting('getWebhook'),
};

export const getWebhookDescription: INodeProperties[] = [
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
