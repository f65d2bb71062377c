import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { checkCountry, countryField } from './country';

export const getCreditsByCountryIsoCodeOperation: INodePropertyOptions = {
	name: 'Get Credits per SMS',
	value: 'getCreditsByCountryIsoCode',
	action: 'Get the credits of one SMS to a country',
	description: 'getCreditsByCountryIsoCode: credits and cost in euros of one SMS sent to a country',
	routing: apiRoutingWith('getCreditsByCountryIsoCode', { before: [checkCountry] }),
};

const show = { show: { resource: ['account'], operation: ['getCreditsByCountryIsoCode'] } };

export const getCreditsByCountryIsoCodeDescription: INodeProperties[] = [
	countryField({ required: true, displayOptions: show }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [requestFormatOption],
	},
];
