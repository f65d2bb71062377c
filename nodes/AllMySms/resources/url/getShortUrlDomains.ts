import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

export const getShortUrlDomainsOperation: INodePropertyOptions = {
	name: 'Get Domains',
	value: 'getShortUrlDomains',
	action: 'Get short URL domains',
	description: 'getShortUrlDomains: the domains of the URL shortening service, one item per domain ({ domain })',
	routing: apiRouting('getShortUrlDomains'),
};

export const getShortUrlDomainsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['url'], operation: ['getShortUrlDomains'] } },
		options: [requestFormatOption],
	},
];
