import type { INodeProperties } from 'n8n-workflow';

import { getShortUrlDomainsDescription, getShortUrlDomainsOperation } from './getShortUrlDomains';
import { shortenUrlDescription, shortenUrlOperation } from './shortenUrl';

export const urlOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['url'] } },
	options: [getShortUrlDomainsOperation, shortenUrlOperation],
	default: 'shortenUrl',
};

export const urlFields: INodeProperties[] = [...shortenUrlDescription, ...getShortUrlDomainsDescription];
