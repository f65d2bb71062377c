/**
 * getPrices (manual section 33): price grid, one country or all of them. SMS prices are the
 * credits sendSms charges (pricing.ts) turned into euros, so both always agree.
 */
import { CREDITS_PER_SMS, costOf } from '../pricing';
import { MOBILE_COUNTRIES } from '../rules';
import type { MethodDefinition } from './context';

/** 33.2 example: the French prices of a voice message left on voicemail and of a call. France only. */
const FRENCH_VOICE_PRICES = { directdeposit: 0.19, call: 0.09 };

function prefixOf(isoCode: string): number {
	if (isoCode === 'FR') return 33;
	const country = MOBILE_COUNTRIES.find((entry) => entry.iso === isoCode);
	if (!country) throw new Error(`sandbox: no dialling code for ${isoCode}`);
	return Number(country.dialCode);
}

export function priceOf(isoCode: string): Record<string, unknown> {
	return {
		isoCode,
		sms: costOf(CREDITS_PER_SMS[isoCode]),
		// Where the manual is silent: directdeposit and call are given for France only ("France uniquement").
		...(isoCode === 'FR' ? FRENCH_VOICE_PRICES : {}),
		prefix: prefixOf(isoCode),
	};
}

export const getPrices: MethodDefinition = {
	name: 'getPrices',
	authErrorShape: 'error',
	async handle({ params }) {
		const wanted = (params.countryIsoCode ?? '').trim();
		// Where the manual is silent: the whole grid sorted by ISO code; an unknown (or lower-case) code gives an
		// empty list, not an error.
		const isoCodes =
			wanted === ''
				? Object.keys(CREDITS_PER_SMS).sort()
				: wanted in CREDITS_PER_SMS
					? [wanted]
					: [];
		return { countries: isoCodes.map(priceOf) };
	},
};
