import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { getShortUrlDomains, getShortUrlDomainsDescription } from './getShortUrlDomains';
import { shortenUrl, shortenUrlDescription } from './shortenUrl';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('url'),
	options: [
		{
			name: 'Get Domains',
			value: 'getShortUrlDomains',
			action: 'Get short URL domains',
			description: 'Get the domains of the URL shortening service',
		},
		{
			name: 'Shorten',
			value: 'shortenUrl',
			action: 'Shorten a URL',
			description: 'Get a short URL (http://bs.ms/…) for a long one, to fit links in SMS',
		},
	],
	default: 'shortenUrl',
};

const fields: INodeProperties[] = [...shortenUrlDescription, ...getShortUrlDomainsDescription];

export const url: Resource = {
	picker,
	fields,
	operations: { getShortUrlDomains, shortenUrl },
};
