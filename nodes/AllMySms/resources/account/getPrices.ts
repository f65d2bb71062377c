import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { countryField, readCountry } from './country';

/** getPrices (33): the prices of every country, or of one. */
export const getPrices: ItemOperation = {
	method: 'getPrices',
	request: (input) => ({
		params: { countryIsoCode: readCountry(input, input.optionText('countryIsoCode') ?? '') },
	}),
};

export const getPricesDescription: INodeProperties[] = [
	requestOptions(showFor('account', ['getPrices']), [
		countryField({
			description: `Only this country (without it, every country); an expression gives its two-letter ISO code (FR, BE…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		}),
	]),
];
