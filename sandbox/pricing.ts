/**
 * Credits and money.
 *
 * The manual never publishes a price grid; its examples imply 1 SMS to France = 15 credits
 * = 0.045 € (sendSms example: creditsUsed 15, cost 0.045; getPrices: FR sms 0.045), hence
 * 1 credit = 0.003 € (also consistent with getInfo: 22457.383 credits = 67.37 €).
 * Other destinations are our own plausible values.
 */

export const EURO_PER_CREDIT = 0.003;

/** Country used by getInfo to turn credits into a number of SMS (`referenceCountryIso`). */
export const REFERENCE_COUNTRY_ISO = 'FR';

/** Credits per SMS part, by ISO country code. */
export const CREDITS_PER_SMS: Readonly<Record<string, number>> = {
	FR: 15,
	// Neighbours
	BE: 22,
	CH: 25,
	LU: 22,
	MC: 22,
	DE: 22,
	ES: 20,
	IT: 20,
	PT: 20,
	NL: 25,
	GB: 20,
	// French overseas departments
	RE: 30,
	YT: 30,
	GP: 30,
	GF: 30,
	MQ: 30,
	// Maghreb
	MA: 35,
	TN: 35,
	DZ: 35,
};

export function creditsPerSms(countryIso: string): number {
	const credits = CREDITS_PER_SMS[countryIso];
	if (credits === undefined) throw new Error(`sandbox: no price for country ${countryIso}`);
	return credits;
}

/** Remaining balance in euros, 2 decimals (the manual's `balance`). */
export function balanceOf(credits: number): number {
	return round(credits * EURO_PER_CREDIT, 2);
}

/** Cost in euros of a number of credits, 3 decimals (the manual's `cost`: 0.045). */
export function costOf(credits: number): number {
	return round(credits * EURO_PER_CREDIT, 3);
}

/** Credits can be fractional on real accounts; keep 3 decimals and no float noise. */
export function roundCredits(credits: number): number {
	return round(credits, 3);
}

function round(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * factor) / factor;
}
