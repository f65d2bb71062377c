import { FRENCH_FORMATS, FRENCH_MOBILE_RANGES, overseasCountryCodeOf } from '../france';

/**
 * Phone numbers as section 7.3 of the manual accepts them.
 * France: 06/07xxxxxxxx, 336/337xxxxxxxx or +336/+337xxxxxxxx. Elsewhere: +CCxxxxxxxx or
 * CCxxxxxxxx. Landlines and badly formatted numbers are rejected by AllMySMS, so they are
 * rejected here first, with a reason, before anything is sent.
 */

export interface PhoneNumber {
	/** What is sent to AllMySMS: the number cleaned of spaces and punctuation. */
	toSend: string;
	/** International digits without `+`, the form AllMySMS answers with (336…). */
	international: string;
}

export type PhoneCheck = { ok: true; number: PhoneNumber } | { ok: false; reason: string };

/**
 * Mobile number ranges (national significant number, after the country code) for the countries
 * AllMySMS users send to most. Numbers of other countries are only checked for length: the
 * manual says foreign lengths are not checked, and a wrong rejection would be worse than the
 * API reporting the number in `invalidNumbers`.
 */
const MOBILE_RANGES: Record<string, { country: string; mobile: RegExp }> = {
	...FRENCH_MOBILE_RANGES,
	'32': { country: 'Belgium', mobile: /^4[5-9]\d{7}$/ },
	'41': { country: 'Switzerland', mobile: /^7[5-9]\d{7}$/ },
	'352': { country: 'Luxembourg', mobile: /^6\d{8}$/ },
	'377': { country: 'Monaco', mobile: /^(6\d{8}|4\d{7})$/ },
	'44': { country: 'the United Kingdom', mobile: /^7\d{9}$/ },
	'49': { country: 'Germany', mobile: /^1[5-7]\d{8,9}$/ },
	'34': { country: 'Spain', mobile: /^[67]\d{8}$/ },
	'39': { country: 'Italy', mobile: /^3\d{8,9}$/ },
	'351': { country: 'Portugal', mobile: /^9\d{8}$/ },
	'31': { country: 'the Netherlands', mobile: /^6\d{8}$/ },
	'212': { country: 'Morocco', mobile: /^[67]\d{8}$/ },
	'213': { country: 'Algeria', mobile: /^[567]\d{8}$/ },
	'216': { country: 'Tunisia', mobile: /^[2459]\d{7}$/ },
};

function countryCodeOf(digits: string): string | undefined {
	for (const length of [3, 2, 1]) {
		const prefix = digits.slice(0, length);
		if (MOBILE_RANGES[prefix]) return prefix;
	}
	return undefined;
}

/** Without the spaces, dots, dashes and brackets people write; the international prefix 00 as +. */
export function cleanNumber(input: string): string {
	const cleaned = input.replace(/[\s.\-()\u00a0]/g, '');
	return cleaned.startsWith('00') ? `+${cleaned.slice(2)}` : cleaned;
}

export function checkPhoneNumber(raw: string): PhoneCheck {
	const input = raw.trim();
	if (input === '') return { ok: false, reason: 'the number is empty' };
	const cleaned = cleanNumber(input);
	if (!/^\+?\d+$/.test(cleaned)) {
		return {
			ok: false,
			reason: `"${input}" is not a phone number (digits, with an optional leading +)`,
		};
	}
	const plus = cleaned.startsWith('+');
	const digits = plus ? cleaned.slice(1) : cleaned;

	if (!plus && digits.startsWith('0')) {
		if (/^0[67]\d{8}$/.test(digits)) {
			const overseas = overseasCountryCodeOf(digits);
			if (overseas) {
				const international = `${overseas}${digits.slice(1)}`;
				return { ok: true, number: { toSend: `+${international}`, international } };
			}
			return { ok: true, number: { toSend: digits, international: `33${digits.slice(1)}` } };
		}
		if (/^0[1-589]\d{8}$/.test(digits)) {
			return {
				ok: false,
				reason: `"${input}" is a French landline or special number; AllMySMS only sends to mobiles (${FRENCH_FORMATS})`,
			};
		}
		return {
			ok: false,
			reason: `"${input}" is not a valid French mobile number (${FRENCH_FORMATS})`,
		};
	}
	if (!plus && /^[67]\d{8}$/.test(digits)) {
		return {
			ok: false,
			reason: `"${input}" looks like a French mobile number without its leading 0: write 0${digits} or +33${digits}`,
		};
	}

	const countryCode = countryCodeOf(digits);
	if (countryCode) {
		const { country, mobile } = MOBILE_RANGES[countryCode];
		if (!mobile.test(digits.slice(countryCode.length))) {
			const hint = countryCode === '33' ? ` (${FRENCH_FORMATS})` : '';
			return { ok: false, reason: `"${input}" is not a mobile number of ${country}${hint}` };
		}
	} else if (digits.length < 8 || digits.length > 15) {
		return {
			ok: false,
			reason: `"${input}" is not an international number (+ country code and number, 8 to 15 digits)`,
		};
	}
	return { ok: true, number: { toSend: cleaned, international: digits } };
}

/** Numbers from a field: one string with separators, or a list (from an expression). */
export function splitPhoneNumbers(value: unknown): string[] {
	// A campaign's items mostly hold one number each: no split needed.
	if (typeof value === 'string' && !/[,;\n\r]/.test(value)) {
		const number = value.trim();
		return number === '' ? [] : [number];
	}
	const parts = Array.isArray(value) ? value.flat(Infinity) : [value];
	return parts
		.filter((part) => part !== undefined && part !== null)
		.flatMap((part) => String(part).split(/[,;\n\r]+/))
		.map((part) => part.trim())
		.filter((part) => part !== '');
}
