/**
 * The `accountData` flow of createSubAccount (21.2, annex 5) and updateSubAccount (22.2), and
 * what both answer (annex 6: `status` and `text`, not `statusText`).
 */
import { scalar, parseDataFlow } from '../smsData';
import type { Account } from '../state';
import type { MethodContext } from './context';

/** Fields of 21.2 kept verbatim in `Account.profile` (the others live in Account itself). */
export const PROFILE_FIELDS = [
	'MOBILE',
	'PHONE',
	'WEBSITE',
	'ADDRESS',
	'ZIP',
	'CITY',
	'COUNTRY',
	'BILLFIRSTNAME',
	'BILLLASTNAME',
	'BILLSOCIETY',
	'BILLADDRESS',
	'BILLZIP',
	'BILLCITY',
	'BILLCOUNTRY',
	'BILLEMAIL',
	'BILLMOBILE',
	'BILLPHONE',
	'SENDEMAILTOCUSTOMER',
	'SENDEMAILTOMASTERACCOUNT',
	'POSTPAID',
	'PROFILE',
] as const;

/** 21.2 "PASSWORD : (obligatoire) Mot de passe du sous compte (6 caractères minimum)". */
export const MIN_PASSWORD_LENGTH = 6;

/**
 * Annex 6. Where the manual is silent (as annex 2's 100): success answers carry the English
 * texts of the 21.3 and 22.3 examples; failures the annex's own French text, whatever the
 * reason (annex 6 has no other status).
 */
export const ACCOUNT_DATA_TEXTS = {
	failed: 'Une erreur est survenue',
	created: 'Sub-account successfully created',
	updated: 'Sub-account successfully updated',
} as const;

/** 21.3/22.3: `status` is a string in the JSON examples ("1"); the text is under `text`. */
export function accountDataAccepted(text: string): Record<string, unknown> {
	return { status: '1', text };
}

export function accountDataRefused(): Record<string, unknown> {
	return { status: '0', text: ACCOUNT_DATA_TEXTS.failed };
}

/** The flow's fields as trimmed strings (upper-case names only, like every flow of the manual). */
export type AccountData = Record<string, string>;

/** Reads `accountData`; undefined when it is missing, blank or unreadable (the manual is silent: status 0). */
export function readAccountData(context: MethodContext): AccountData | undefined {
	const raw = context.params.accountData;
	const parsed = parseDataFlow(raw, []);
	if (!parsed.ok) {
		if (parsed.reason === 'invalid')
			context.recordFlow({ format: parsed.format ?? 'xml', raw: raw ?? '', data: undefined });
		return undefined;
	}
	context.recordFlow({ format: parsed.format, raw: raw ?? '', data: parsed.data });
	const data: AccountData = {};
	for (const [name, value] of Object.entries(parsed.root ?? {})) {
		const text = scalar(value);
		if (text !== undefined) data[name] = text.trim();
	}
	return data;
}

/** Decision (manual silent): an address with one @ and a dot in its domain. */
export function isEmail(value: string): boolean {
	return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
}

/** PHP-like flag: "1" (or any non-zero integer) is on. */
export function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	const number = Number.parseInt(value, 10);
	return Number.isNaN(number) ? fallback : number !== 0;
}

/** Stores the 21.2 fields that live in the profile. */
export function applyProfile(account: Account, data: AccountData, fields: readonly string[]): void {
	for (const field of fields) {
		if (data[field] !== undefined) account.profile[field] = data[field];
	}
}
