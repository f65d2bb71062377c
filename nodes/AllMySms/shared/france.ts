/**
 * The French facts the node relies on, said once: which numbers are French, and the mobile
 * ranges of mainland France and the overseas departments.
 *
 * Country codes where French law applies by default (the commercial hours, the STOP mention):
 * - 33: mainland France (and Corsica);
 * - 262: Réunion and Mayotte (Mayotte moved from +269 to +262 in 2007; +269 is now the Comoros,
 *   a foreign country, so it is not in the list);
 * - 590: Guadeloupe, Saint-Martin, Saint-Barthélemy; 594: French Guiana; 596: Martinique;
 * - 508: Saint-Pierre-et-Miquelon.
 * The Pacific collectivities (681 Wallis-et-Futuna, 687 New Caledonia, 689 French Polynesia) are
 * left out: they make their own consumer and telecoms law, their operators are not the French
 * ones behind "STOP au 36180", and the manual's "France" does not name them. Country codes are
 * prefix-free, so a plain prefix test is exact.
 */
export const FRENCH_COUNTRY_CODES: readonly string[] = ['33', '262', '590', '594', '596', '508'];

/** `international` as phoneNumbers.ts gives it: digits without `+` (336…). */
export function isFrenchNumber(international: string): boolean {
	const digits = international.replace(/^\+/, '');
	return FRENCH_COUNTRY_CODES.some((code) => digits.startsWith(code));
}

/** Mobile ranges (national significant number, after the country code) of the French territories. */
export const FRENCH_MOBILE_RANGES: Record<string, { country: string; mobile: RegExp }> = {
	'33': { country: 'France', mobile: /^[67]\d{8}$/ },
	'262': { country: 'Réunion/Mayotte', mobile: /^(69[23]|639)\d{6}$/ },
	'590': { country: 'Guadeloupe', mobile: /^69[01]\d{6}$/ },
	'594': { country: 'French Guiana', mobile: /^694\d{6}$/ },
	'596': { country: 'Martinique', mobile: /^69[67]\d{6}$/ },
};

/** How a French mobile is written, for error messages (manual 7.3). */
export const FRENCH_FORMATS = '06/07xxxxxxxx, +336/+337xxxxxxxx or 336/337xxxxxxxx';
