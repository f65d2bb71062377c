/**
 * The French facts the node relies on, said once: which numbers are French, and the mobile
 * ranges of mainland France and the overseas departments.
 */

/** A French territory as the commercial-hours rule sees it: its own clock and public holidays. */
export interface FrenchTerritory {
	name: string;
	/** The first digits of its international numbers. */
	prefix: string;
	/** IANA time zone: the hours are the recipient's own (08:00-20:00 where they live). */
	timeZone: string;
	/** Public holidays of the territory on top of the eleven national ones: [month, day, name]. */
	localHolidays: ReadonlyArray<readonly [number, number, string]>;
}

export const MAINLAND_FRANCE: FrenchTerritory = {
	name: 'mainland France',
	prefix: '33',
	timeZone: 'Europe/Paris',
	localHolidays: [],
};

/**
 * Where French law applies by default (the commercial hours, the STOP mention), by the first
 * digits of the international number: 33 mainland France (and Corsica), 262 Réunion and Mayotte
 * (Mayotte's 262639 before Réunion's 262), 590 Guadeloupe, Saint-Martin and Saint-Barthélemy,
 * 594 French Guiana, 596 Martinique, 508 Saint-Pierre-et-Miquelon. Country codes are prefix-free,
 * so a prefix test is exact. Mayotte moved from +269 to +262 in 2007 (+269 is now the Comoros).
 * The Pacific collectivities (681 Wallis-et-Futuna, 687 New Caledonia, 689 French Polynesia) are
 * left out: they make their own consumer and telecoms law, their operators are not the French
 * ones behind "STOP au 36180", and the manual's "France" does not name them. The abolition of
 * slavery days are public holidays overseas (loi 83-550, décret 83-1003).
 */
const FRENCH_TERRITORIES: readonly FrenchTerritory[] = [
	MAINLAND_FRANCE,
	{
		name: 'Mayotte',
		prefix: '262639',
		timeZone: 'Indian/Mayotte',
		localHolidays: [[4, 27, 'Abolition of Slavery Day (Mayotte)']],
	},
	{
		name: 'Réunion',
		prefix: '262',
		timeZone: 'Indian/Reunion',
		localHolidays: [[12, 20, 'Abolition of Slavery Day (Réunion)']],
	},
	{
		name: 'Guadeloupe',
		prefix: '590',
		timeZone: 'America/Guadeloupe',
		localHolidays: [[5, 27, 'Abolition of Slavery Day (Guadeloupe)']],
	},
	{
		name: 'French Guiana',
		prefix: '594',
		timeZone: 'America/Cayenne',
		localHolidays: [[6, 10, 'Abolition of Slavery Day (French Guiana)']],
	},
	{
		name: 'Martinique',
		prefix: '596',
		timeZone: 'America/Martinique',
		localHolidays: [[5, 22, 'Abolition of Slavery Day (Martinique)']],
	},
	{
		name: 'Saint-Pierre-et-Miquelon',
		prefix: '508',
		timeZone: 'America/Miquelon',
		localHolidays: [],
	},
];

/** The French territory of a number (`international`, 336… or +336…), if it is French. */
export function territoryOf(international: string): FrenchTerritory | undefined {
	const digits = international.replace(/^\+/, '');
	return FRENCH_TERRITORIES.find((territory) => digits.startsWith(territory.prefix));
}

export function isFrenchNumber(international: string): boolean {
	return territoryOf(international) !== undefined;
}

/**
 * Overseas mobiles written the national way (06 9x…, 06 39…) belong to their territory, not to
 * mainland France: 0692/0693 Réunion, 0639 Mayotte, 0690/0691 Guadeloupe (and Saint-Martin,
 * Saint-Barthélemy), 0694 French Guiana, 0696/0697 Martinique. The manual only knows 06/07 →
 * 336/337 (7.3), so AllMySMS would read them as mainland numbers: the node sends them in their
 * international form (+262 692…), which the manual accepts for any country. The block
 * 06 39 98 xx xx is ARCEP's range for fiction, not Mayotte's: it stays a mainland number.
 */
const OVERSEAS_NATIONAL_MOBILES: ReadonlyArray<readonly [RegExp, string]> = [
	[/^069[23]/, '262'],
	[/^0639(?!98)/, '262'],
	[/^069[01]/, '590'],
	[/^0694/, '594'],
	[/^069[67]/, '596'],
];

/** The country code of a national overseas mobile (`0692123456` → `262`), if it is one. */
export function overseasCountryCodeOf(national: string): string | undefined {
	return OVERSEAS_NATIONAL_MOBILES.find(([prefix]) => prefix.test(national))?.[1];
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
