/**
 * Validation rules of the SMS sending methods (manual 7.2 and 7.3): phone numbers,
 * message length and segments, sender (TPOA), dates, PHP-like integer flags.
 */
import { DateTime } from 'luxon';

export const API_TIME_ZONE = 'Europe/Paris';
export const API_DATE_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/* ------------------------------------------------------------------------------------------ */
/* Phone numbers                                                                               */
/* ------------------------------------------------------------------------------------------ */

export interface MobileCountry {
	iso: string;
	dialCode: string;
	/** Mobile prefixes of the national significant number (what follows the country code). */
	mobile: RegExp;
}

/**
 * Where the manual is silent: destinations outside France are accepted only when their country code is in
 * this table and the national number starts with a mobile prefix. Country codes outside the
 * table are invalid (the manual: "Tout envoi vers un téléphone fixe ou un numéro ne
 * respectant pas le formatage défini ci-dessus sera rejeté").
 */
export const MOBILE_COUNTRIES: readonly MobileCountry[] = [
	{ iso: 'BE', dialCode: '32', mobile: /^4[5-9]/ },
	{ iso: 'CH', dialCode: '41', mobile: /^7[5-9]/ },
	{ iso: 'LU', dialCode: '352', mobile: /^6/ },
	{ iso: 'MC', dialCode: '377', mobile: /^[64]/ },
	{ iso: 'GB', dialCode: '44', mobile: /^7/ },
	{ iso: 'DE', dialCode: '49', mobile: /^1[5-7]/ },
	{ iso: 'ES', dialCode: '34', mobile: /^[67]/ },
	{ iso: 'IT', dialCode: '39', mobile: /^3/ },
	{ iso: 'PT', dialCode: '351', mobile: /^9/ },
	{ iso: 'NL', dialCode: '31', mobile: /^6/ },
	{ iso: 'RE', dialCode: '262', mobile: /^69[23]/ },
	{ iso: 'YT', dialCode: '262', mobile: /^639/ },
	{ iso: 'GP', dialCode: '590', mobile: /^69[01]/ },
	{ iso: 'GF', dialCode: '594', mobile: /^694/ },
	{ iso: 'MQ', dialCode: '596', mobile: /^69[67]/ },
	{ iso: 'MA', dialCode: '212', mobile: /^[67]/ },
	{ iso: 'TN', dialCode: '216', mobile: /^[2459]/ },
	{ iso: 'DZ', dialCode: '213', mobile: /^[567]/ },
];

/** ISO codes treated as "France" for the sender rule of 7.2 (metropolitan France + overseas departments). */
export const FRENCH_DESTINATIONS: ReadonlySet<string> = new Set([
	'FR',
	'RE',
	'YT',
	'GP',
	'GF',
	'MQ',
]);

/**
 * Decision (manual 7.3: "la longueur des numéros de téléphones étrangers n'est pas vérifiée"):
 * outside France only the mobile prefix is checked, plus a sanity bound on the national
 * number (6 to 12 digits) and the E.164 maximum of 15 digits.
 */
const FOREIGN_NSN_MIN = 6;
const FOREIGN_NSN_MAX = 12;
const E164_MAX = 15;

export type PhoneCheck = { valid: true; msisdn: string; countryIso: string } | { valid: false };

/**
 * Validates a recipient exactly as given by the client (strict: digits with an
 * optional leading `+`, nothing else — no spaces, dots, dashes, no `00` prefix).
 * Valid numbers come back in international form without `+` (336xxxxxxxx).
 */
export function checkPhoneNumber(raw: string): PhoneCheck {
	const match = /^(\+?)(\d+)$/.exec(raw);
	if (!match) return { valid: false };
	const plus = match[1] === '+';
	const digits = match[2];

	// France, national format: 06xxxxxxxx / 07xxxxxxxx only (01-05, 08, 09 are landlines / special).
	if (!plus && digits.startsWith('0')) {
		return /^0[67]\d{8}$/.test(digits)
			? { valid: true, msisdn: `33${digits.slice(1)}`, countryIso: 'FR' }
			: { valid: false };
	}
	// France, international format: 336/337 + 8 digits, with or without +.
	if (digits.startsWith('33')) {
		return /^33[67]\d{8}$/.test(digits)
			? { valid: true, msisdn: digits, countryIso: 'FR' }
			: { valid: false };
	}
	if (digits.length > E164_MAX) return { valid: false };
	for (const country of MOBILE_COUNTRIES) {
		if (!digits.startsWith(country.dialCode)) continue;
		const nsn = digits.slice(country.dialCode.length);
		if (nsn.length < FOREIGN_NSN_MIN || nsn.length > FOREIGN_NSN_MAX) continue;
		if (country.mobile.test(nsn)) return { valid: true, msisdn: digits, countryIso: country.iso };
	}
	return { valid: false };
}

/* ------------------------------------------------------------------------------------------ */
/* Message length and segments                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** CODING (7.2): 1 = GSM-7 (default), 2 = Unicode. */
export type Coding = 1 | 2;

/** GSM 03.38 extension table: these take two septets (escape + character). Form feed included. */
const GSM7_EXTENSION: ReadonlySet<string> = new Set([
	'^',
	'{',
	'}',
	'\\',
	'[',
	'~',
	']',
	'|',
	'€',
	'\f',
]);

export const MAX_PARTS = 8;
const LIMITS = {
	1: { single: 160, part: 153 },
	2: { single: 70, part: 67 },
} as const;

/**
 * Length of a message as the API counts it, and its parts.
 * GSM-7: 1 per character, 2 for extension characters and for a line break (manual 7.3: "Le
 * retour à la ligne est encodé par '\n'. Sa longueur compte double."); a character outside
 * GSM-7 counts 1 (the real API substitutes it). A line break is `\n`, `\r\n` or a lone `\r`
 * (where the manual is silent: `\r\n` is one break, not a carriage return and a break). The two
 * characters backslash + n are just two characters (backslash is an extension character, so
 * they count 3).
 * Unicode: 1 per UTF-16 code unit, 2 for a line break.
 * Parts (7.2): one up to 160/70, then parts of 153/67. Where the manual is silent, as GSM 03.38
 * sends them: an extension character (escape + character) and a surrogate pair are never cut
 * between two parts; a line break's two characters may be. An empty text is still one SMS.
 */
function measure(message: string, coding: Coding): { length: number; parts: number } {
	const limits = LIMITS[coding];
	let length = 0;
	let parts = 1;
	let filled = 0;
	for (let i = 0; i < message.length; i++) {
		const code = message.charCodeAt(i);
		if (code === 0x0d && message.charCodeAt(i + 1) === 0x0a) i++;
		const surrogatePair = code >= 0xd800 && code <= 0xdbff && i + 1 < message.length;
		if (surrogatePair) i++;
		const lineBreak = code === 0x0a || code === 0x0d;
		const width = lineBreak
			? 2
			: coding === 1
				? GSM7_EXTENSION.has(message[i])
					? 2
					: 1
				: surrogatePair
					? 2
					: 1;
		length += width;
		if (lineBreak || filled + width <= limits.part) {
			filled += width;
			if (filled > limits.part) {
				parts++;
				filled -= limits.part;
			}
		} else {
			parts++;
			filled = width;
		}
	}
	return { length, parts: length <= limits.single ? 1 : parts };
}

export function messageLength(message: string, coding: Coding): number {
	return measure(message, coding).length;
}

export function segmentCount(message: string, coding: Coding): number {
	return measure(message, coding).parts;
}

/** Where the manual is silent: `#param_1#`…`#param_n#` replaced by PARAM_k of the recipient (missing = empty). */
export function substituteParams(
	message: string,
	dynamic: number,
	params: Readonly<Record<number, string>>,
): string {
	let result = message;
	for (let k = 1; k <= dynamic; k++) result = result.split(`#param_${k}#`).join(params[k] ?? '');
	return result;
}

/* ------------------------------------------------------------------------------------------ */
/* Sender (TPOA)                                                                                */
/* ------------------------------------------------------------------------------------------ */

export const DEFAULT_SHORT_CODE = '36180';

/** 7.2: starts with a letter, letters/digits/space only, no accents, 3 to 11 characters. */
export function isValidTpoa(tpoa: string): boolean {
	return /^[A-Za-z][A-Za-z0-9 ]{2,10}$/.test(tpoa);
}

/**
 * 7.2: to France a custom sender is only used when the message ends with "STOP au 36180"
 * preceded by a space or a newline. Where the manual is silent: case-insensitive (the manual's own console
 * example ends with "Stop au 36180") and trailing blanks tolerated.
 */
export function endsWithStopMention(message: string): boolean {
	return /[ \n]STOP au 36180\s*$/i.test(message);
}

/* ------------------------------------------------------------------------------------------ */
/* Dates                                                                                        */
/* ------------------------------------------------------------------------------------------ */

export type DateCheck = { valid: true; date: Date } | { valid: false };

/**
 * Where the manual is silent: `YYYY-MM-DD HH:MM:SS`, Europe/Paris wall time. Anything else, an impossible date
 * (2025-02-30) or a wall time skipped by the spring DST change is invalid.
 */
export function parseApiDate(raw: string): DateCheck {
	if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(raw)) return { valid: false };
	const parsed = DateTime.fromFormat(raw, API_DATE_FORMAT, { zone: API_TIME_ZONE });
	if (!parsed.isValid || parsed.toFormat(API_DATE_FORMAT) !== raw) return { valid: false };
	return { valid: true, date: parsed.toJSDate() };
}

/** Formats an instant as the API prints dates: `YYYY-MM-DD HH:MM:SS`, Paris time. */
export function formatApiDate(date: Date): string {
	return DateTime.fromJSDate(date).setZone(API_TIME_ZONE).toFormat(API_DATE_FORMAT);
}

/* ------------------------------------------------------------------------------------------ */
/* Flags                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Decision (manual silent): numeric fields (DYNAMIC, CODING, VERBOSE, TRACKING, ALERTING) are
 * read like PHP's intval(): leading digits, anything else 0. So the annex 1 sample
 * "2 (contiendra le nombre…)" reads as 2 and "yes" reads as 0.
 */
export function intval(value: string | undefined): number {
	if (value === undefined) return 0;
	const match = /^\s*([+-]?\d+)/.exec(value);
	return match ? Number.parseInt(match[1], 10) : 0;
}
