import type { INodeProperties } from 'n8n-workflow';

import { getCreditsByCountryIsoCodeDescription, getCreditsByCountryIsoCodeRouting } from './getCreditsByCountryIsoCode';
import { getInfoDescription, getInfoRouting } from './getInfo';
import { getPricesDescription, getPricesRouting } from './getPrices';

export const accountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Get Credits per SMS',
			value: 'getCreditsByCountryIsoCode',
			action: 'Get the credits of one SMS to a country',
			description: 'Get the credits and cost in euros of one SMS sent to a country',
			routing: getCreditsByCountryIsoCodeRouting,
		},
		{
			name: 'Get Info',
			value: 'getInfo',
			action: 'Get account information',
			description: 'Get the account status, remaining credits and SMS, balance and contact details',
			routing: getInfoRouting,
		},
		{
			name: 'Get Prices',
			value: 'getPrices',
			action: 'Get prices',
			description: 'Get the price in euros before VAT of an SMS, a voicemail drop and a call, for every country or one',
			routing: getPricesRouting,
		},
	],
	default: 'getInfo',
};

export const accountFields: INodeProperties[] = [
	...getInfoDescription,
	...getCreditsByCountryIsoCodeDescription,
	...getPricesDescription,
];
