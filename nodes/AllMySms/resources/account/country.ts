import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/operationRouting';

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
		// The manual asks for upper case; an expression may give " fr".
		routing: { send: { type: 'body', property: 'countryIsoCode', value: '={{ String($value ?? "").trim().toUpperCase() }}' } },
		...overrides,
	} as INodeProperties;
}

/** Refuses what cannot be an ISO 3166 code before asking AllMySMS about it. */
export async function checkCountry(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const code = (requestOptions.body as IDataObject | undefined)?.countryIsoCode;
	if (code !== undefined && code !== '' && !/^[A-Z]{2}$/.test(String(code))) {
		const operation = this.getNodeParameter('operation') as string;
		const entered = this.getNodeParameter(operation === 'getPrices' ? 'options.countryIsoCode' : 'countryIsoCode', code) as string;
		throw invalidInput(this, 'Country Name or ID', `"${String(entered).trim()}" is not a two-letter ISO country code (FR, BE, CH…)`);
	}
	return requestOptions;
}
