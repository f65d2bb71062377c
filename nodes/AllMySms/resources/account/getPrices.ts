import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { checkCountry, countryField } from './country';

export const getPricesOperation: INodePropertyOptions = {
	name: 'Get Prices',
	value: 'getPrices',
	action: 'Get prices',
	description:
		'getPrices: price in euros (excl. VAT) of an SMS, a voicemail drop and a call, one item per country; all countries unless one is chosen',
	routing: apiRoutingWith('getPrices', { before: [checkCountry] }),
};

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
		],
	},
];
