import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { countryField, readCountry } from './country';

/** getCreditsByCountryIsoCode (32): the credits and cost of one SMS to a country. */
export const getCreditsByCountryIsoCode: ItemOperation = {
	method: 'getCreditsByCountryIsoCode',
	request: (input) => ({
		params: { countryIsoCode: readCountry(input, input.text('countryIsoCode')) },
	}),
};

const show = showFor('account', ['getCreditsByCountryIsoCode']);

export const getCreditsByCountryIsoCodeDescription: INodeProperties[] = [
	countryField({ required: true, displayOptions: show }),
	requestOptions(show),
];
