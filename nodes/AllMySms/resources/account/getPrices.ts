import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { checkCountry, countryField } from './country';

/** The routing of the getPrices operation (its option is in index.ts). */
export const getPricesRouting: INodePropertyRouting = apiRoutingWith('getPrices', { before: [checkCountry] });

export const getPricesDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['account'], operation: ['getPrices'] } },
		options: [
			countryField({
				description: `Only this country (without it, every country); an expression gives its two-letter ISO code (FR, BE…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			}),
			requestFormatOption,
			retriesOption,
			timeoutOption,
		],
	},
];
