import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import {
	getCreditsByCountryIsoCode,
	getCreditsByCountryIsoCodeDescription,
} from './getCreditsByCountryIsoCode';
import { getInfo, getInfoDescription } from './getInfo';
import { getPrices, getPricesDescription } from './getPrices';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('account'),
	options: [
		{
			name: 'Get Credits per SMS',
			value: 'getCreditsByCountryIsoCode',
			action: 'Get the credits of one SMS to a country',
			description: 'Get the credits and cost in euros of one SMS sent to a country',
		},
		{
			name: 'Get Info',
			value: 'getInfo',
			action: 'Get account information',
			description: 'Get the account status, remaining credits and SMS, balance and contact details',
		},
		{
			name: 'Get Prices',
			value: 'getPrices',
			action: 'Get prices',
			description:
				'Get the price in euros before VAT of an SMS, a voicemail drop and a call, for every country or one',
		},
	],
	default: 'getInfo',
};

const fields: INodeProperties[] = [
	...getInfoDescription,
	...getCreditsByCountryIsoCodeDescription,
	...getPricesDescription,
];

export const account: Resource = {
	picker,
	fields,
	operations: { getCreditsByCountryIsoCode, getInfo, getPrices },
};
