import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

/** getShortUrlDomains (35): the domains of the URL shortener. */
export const getShortUrlDomains: ItemOperation = { method: 'getShortUrlDomains' };

export const getShortUrlDomainsDescription: INodeProperties[] = [
	requestOptions(showFor('url', ['getShortUrlDomains'])),
];
