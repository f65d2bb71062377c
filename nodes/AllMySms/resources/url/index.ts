import type { INodeProperties } from 'n8n-workflow';

import { getShortUrlDomainsDescription, getShortUrlDomainsRouting } from './getShortUrlDomains';
import { shortenUrlDescription, shortenUrlRouting } from './shortenUrl';

export const urlOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['url'] } },
	options: [
		{
			name: 'Get Domains',
			value: 'getShortUrlDomains',
			action: 'Get short URL domains',
			description: 'Get the domains of the URL shortening service',
			routing: getShortUrlDomainsRouting,
		},
		{
			name: 'Shorten',
			value: 'shortenUrl',
			action: 'Shorten a URL',
			description: 'Get a short URL (http://bs.ms/…) for a long one, to fit links in SMS',
			routing: shortenUrlRouting,
		},
	],
	default: 'shortenUrl',
};

export const urlFields: INodeProperties[] = [...shortenUrlDescription, ...getShortUrlDomainsDescription];
