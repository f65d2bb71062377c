/**
 * What the contact list methods (manual sections 26-31) share: their flows (listData,
 * populateData, deleteData: annexes 7, 8, 10), the list a request works on, the `0`/`1`
 * status answers and the texts.
 */
import { formatApiDate, checkPhoneNumber } from './rules';
import { isRecord, list, parseDataFlow, scalar } from './smsData';
import type { Account, ContactList } from './state';
import type { MethodContext } from './methods/context';

/** The column every list has (27.2 MOBILEPHONE in the flows, 31.2 MobilePhone in getContacts). */
export const PHONE_COLUMN = 'MobilePhone';

/**
 * Texts. Successes use the English of the manual's examples (26.3 says "database successfully
 * populated" for createList, copied as is); failures, about which the manual says nothing but
 * "0 en cas d'erreur", are French like its other messages.
 */
export const LIST_TEXTS = {
	created: 'database successfully populated',
	populated: (name: string) => `list ${name} successfully populated`,
	updated: (name: string) => `list ${name} successfully updated`,
	deleted: (name: string) => `list ${name} has been successfully deleted`,
	emptyFlow: 'Flux XML/JSON vide',
	invalidFlow: 'Flux XML/JSON invalide',
	missingListName: 'Nom de liste (LISTNAME) manquant',
	missingListNameParameter: 'Paramètre listName manquant',
	listNotFound: (name: string) => `La liste ${name} n'existe pas`,
	listExists: (name: string) => `La liste ${name} existe déjà`,
	invalidFieldName: (name: string) => `Nom de champ invalide : ${name}`,
	duplicateField: (name: string) => `Le champ ${name} est défini plusieurs fois`,
	subAccountNotFound: (login: string) => `Le sous-compte ${login} n'est pas rattaché à ce compte`,
} as const;

/** `status` is a string in the JSON examples ("1"), like createSubAccount's. */
export function listAnswer(
	ok: boolean,
	statusText: string,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return { status: ok ? '1' : '0', statusText, ...extra };
}

/**
 * A field name a list can have: a letter, then letters, digits or underscores. Decision (the
 * manual is silent): getContacts writes fields as XML elements (31.2), so names that cannot be
 * one (spaces…) are refused, as is a second `MobilePhone`.
 */
export function isFieldName(name: string): boolean {
	return /^\p{L}[\p{L}\p{N}_]*$/u.test(name) && name.toUpperCase() !== PHONE_COLUMN.toUpperCase();
}

export type FlowRead =
	| { ok: true; data: Record<string, unknown> }
	| { ok: false; answer: Record<string, unknown> };

/**
 * Reads a list flow (`listData`, `populateData`, `deleteData`) and records it. `listPaths`
 * are the repeated XML elements under DATA (`STRUCTURE.FIELD`, `CONTACTS.CONTACT`). JSON's
 * DATA may be an object or, as annexes 8 and 10 write it, an array (its first entry is used,
 * as smsData.ts reads flows).
 */
export function readListFlow(
	context: MethodContext,
	parameter: string,
	listPaths: readonly string[],
): FlowRead {
	const raw = context.params[parameter];
	const parsed = parseDataFlow(raw, listPaths);
	if (!parsed.ok) {
		if (parsed.reason === 'empty')
			return { ok: false, answer: listAnswer(false, LIST_TEXTS.emptyFlow) };
		context.recordFlow({ format: parsed.format ?? 'xml', raw: raw ?? '', data: undefined });
		return { ok: false, answer: listAnswer(false, LIST_TEXTS.invalidFlow) };
	}
	context.recordFlow({ format: parsed.format, raw: raw ?? '', data: parsed.data });
	return { ok: true, data: parsed.root ?? {} };
}

/** A text field of a flow, trimmed; undefined when absent or blank. */
export function flowText(data: Record<string, unknown>, name: string): string | undefined {
	const value = scalar(data[name])?.trim();
	return value ? value : undefined;
}

/**
 * The entries of a list in a flow: a JSON array (`"CONTACTS": [...]`), or the XML nesting
 * (`<CONTACTS><CONTACT>…`, which also reads `{"CONTACTS": {"CONTACT": [...]}}`).
 */
export function flowEntries(value: unknown, element: string): Record<string, unknown>[] {
	if (Array.isArray(value)) return list(value);
	if (isRecord(value) && element in value) return list(value[element]);
	return list(value);
}

/**
 * The account a flow works on: the SUBACCOUNT it names ("Login du sous compte pour lequel
 * créer la liste", 26.2-28.2), which must be a sub-account of the authenticated account, or
 * the account the request acts for.
 */
export function flowAccount(
	context: MethodContext,
	data: Record<string, unknown>,
): { ok: true; account: Account } | { ok: false; answer: Record<string, unknown> } {
	const login = flowText(data, 'SUBACCOUNT');
	if (login === undefined || login === context.account.login)
		return { ok: true, account: context.account };
	const subAccount = context.state.subAccountOf(context.authenticated, login);
	return subAccount
		? { ok: true, account: subAccount }
		: { ok: false, answer: listAnswer(false, LIST_TEXTS.subAccountNotFound(login)) };
}

/** The list named by LISTNAME in a flow. */
export function flowList(
	account: Account,
	data: Record<string, unknown>,
): { ok: true; list: ContactList } | { ok: false; answer: Record<string, unknown> } {
	const name = flowText(data, 'LISTNAME');
	if (name === undefined)
		return { ok: false, answer: listAnswer(false, LIST_TEXTS.missingListName) };
	const found = account.lists.get(name);
	return found
		? { ok: true, list: found }
		: { ok: false, answer: listAnswer(false, LIST_TEXTS.listNotFound(name)) };
}

/**
 * The steps populateList and deleteContacts share: their flow read, the account it acts for
 * (SUBACCOUNT) and the list it names (LISTNAME), or the answer that refuses it.
 */
export function readContactsFlow(
	context: MethodContext,
	parameter: string,
):
	| { ok: true; data: Record<string, unknown>; list: ContactList }
	| { ok: false; answer: Record<string, unknown> } {
	const flow = readListFlow(context, parameter, ['CONTACTS.CONTACT']);
	if (!flow.ok) return flow;
	const target = flowAccount(context, flow.data);
	if (!target.ok) return target;
	const found = flowList(target.account, flow.data);
	if (!found.ok) return found;
	return { ok: true, data: flow.data, list: found.list };
}

/** A contact's number as the list stores it (international, 336…), or undefined when invalid. */
export function contactNumber(raw: string | undefined): string | undefined {
	if (raw === undefined) return undefined;
	const check = checkPhoneNumber(raw.trim());
	return check.valid ? check.msisdn : undefined;
}

/** A flow contact's MOBILEPHONE, whatever the case of the key. */
export function contactPhoneKey(contact: Record<string, unknown>): string | undefined {
	return Object.keys(contact).find((key) => key.toUpperCase() === 'MOBILEPHONE');
}

/** getLists' view of a list (30.2): numbers as strings and a date without time, like the JSON example. */
export function listSummary(contactList: ContactList): Record<string, unknown> {
	return {
		listName: contactList.name,
		contacts: String(contactList.contacts.length),
		locked: contactList.locked ? '1' : '0',
		creationDate: formatApiDate(contactList.creationDate).slice(0, 10),
	};
}
