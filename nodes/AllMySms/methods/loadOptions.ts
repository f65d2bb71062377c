import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { answerItems } from '../shared/answers';
import { callApi } from '../shared/transport';

/** Dropdowns filled from the account; every field using them still accepts an expression. */

export async function getContactLists(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	// The lists of the sub-account chosen in the operation's options, when one is (getLists, 30).
	const subAccount = String(this.getCurrentNodeParameter('options.subAccount') ?? '').trim();
	const data = await callApi.call(this, 'getLists', { params: subAccount ? { subAccount } : {} });
	return answerItems('getLists', data).map((list) => ({
		name: `${String(list.listName)} (${String(list.contacts ?? 0)} contacts)`,
		value: String(list.listName),
	}));
}

export async function getSubAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const data = await callApi.call(this, 'getSubAccounts', {});
	return answerItems('getSubAccounts', data).map((subAccount) => {
		const person = [subAccount.FirstName, subAccount.LastName].filter(Boolean).join(' ');
		return {
			name: person ? `${String(subAccount.Login)} (${person})` : String(subAccount.Login),
			value: String(subAccount.Login),
		};
	});
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(isoCode: string): string {
	try {
		return countryNames.of(isoCode) ?? isoCode;
	} catch {
		return isoCode;
	}
}

export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const data = await callApi.call(this, 'getPrices', {});
	return answerItems('getPrices', data)
		.map((country) => {
			const isoCode = String(country.isoCode).toUpperCase();
			return {
				name: `${countryName(isoCode)} (${isoCode}, +${String(country.prefix ?? '')})`,
				value: isoCode,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
