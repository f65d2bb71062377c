/**
 * getCreditsByCountryIsoCode (manual section 32): credits and cost of one SMS to a country,
 * from the grid sendSms charges (pricing.ts).
 */
import { CREDITS_PER_SMS, costOf } from '../pricing';
import type { MethodDefinition } from './context';

export const getCreditsByCountryIsoCode: MethodDefinition = {
	name: 'getCreditsByCountryIsoCode',
	authErrorShape: 'error',
	async handle({ params }) {
		const isoCode = (params.countryIsoCode ?? '').trim();
		// Decision (manual silent): read-method errors, {error}. The code must be upper case
		// ("code ISO du pays en majuscules"), so "fr" is unknown.
		if (!isoCode) return { error: 'countryIsoCode not specified' };
		const credits = CREDITS_PER_SMS[isoCode];
		if (credits === undefined) return { error: `Unknown country ISO code ${isoCode}` };
		// 32.2 gives strings in JSON ("15"). Its `cost` of "15" is the credits again; `cost` is
		// "coût en euros", so the sandbox answers euros (0.045 for France, as getPrices says).
		return { isoCode, nbCredits: String(credits), cost: String(costOf(credits)) };
	},
};
