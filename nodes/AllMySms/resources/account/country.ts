import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../shared/operation';

/** The country of getCreditsByCountryIsoCode (32) and getPrices (33): an ISO code "en majuscules". */
export function countryField(overrides: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: 'Country Name or ID',
		name: 'countryIsoCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: 'FR',
		description:
			'Country of destination, from the countries priced on your account; an expression gives its two-letter ISO code (FR, BE…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

/**
 * The country code as the manual asks for it, in upper case (an expression may give " fr"),
 * refused before asking AllMySMS when it cannot be an ISO 3166 code. Empty: undefined.
 */
export function readCountry(input: ItemInput, entered: string): string | undefined {
	if (entered === '') return undefined;
	const code = entered.toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) {
		throw input.invalid(
			'Country Name or ID',
			`"${entered}" is not a two-letter ISO country code (FR, BE, CH…)`,
		);
	}
	return code;
}
