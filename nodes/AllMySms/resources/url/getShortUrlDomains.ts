import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';

/** The routing of the getShortUrlDomains operation (its option is in index.ts). */
export const getShortUrlDomainsRouting: INodePropertyRouting = apiRouting('getShortUrlDomains');

export const getShortUrlDomainsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['url'], operation: ['getShortUrlDomains'] } },
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
