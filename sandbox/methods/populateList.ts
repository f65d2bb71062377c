/**
 * populateList (manual section 27): contacts added to a list from the `populateData` flow
 * (annex 8), keyed by mobile number.
 */
import {
	LIST_TEXTS,
	PHONE_COLUMN,
	contactNumber,
	contactPhoneKey,
	flowEntries,
	listAnswer,
	readContactsFlow,
} from '../contactLists';
import { scalar } from '../smsData';
import type { MethodDefinition } from './context';

export const populateList: MethodDefinition = {
	name: 'populateList',
	authErrorShape: 'status',
	// Where the manual is silent: "0 en cas d'erreur" (26.3-29.2) holds for a failed authentication too.
	authErrorAnswer: (text) => listAnswer(false, text),
	async handle(context) {
		const flow = readContactsFlow(context, 'populateData');
		if (!flow.ok) return flow.answer;
		const contactList = flow.list;

		// Where the manual is silent: LOCKED only protects the list in the manager (26.2); the API may still fill it.
		const fieldsByKey = new Map(
			contactList.fields.map((field) => [field.name.toUpperCase(), field.name]),
		);
		const known = new Set(contactList.contacts.map((contact) => contact[PHONE_COLUMN]));
		let success = 0;
		let ignored = 0;
		let duplicated = 0;
		for (const contact of flowEntries(flow.data.CONTACTS, 'CONTACT')) {
			const phoneKey = contactPhoneKey(contact);
			const msisdn = contactNumber(phoneKey === undefined ? undefined : scalar(contact[phoneKey]));
			// "Si le flux contient des champs inexistants, le contact sera ignoré" (27.1); so is a
			// contact without a valid number ("ignored : nombre de contacts ignorés (numéros
			// invalides)", 27.3). Where the manual is silent: field names match whatever their case; a value
			// that is not text (a nested object) makes the contact ignored too.
			const record: Record<string, string> = {};
			let usable = msisdn !== undefined;
			for (const [key, value] of Object.entries(contact)) {
				if (key === phoneKey) continue;
				const fieldName = fieldsByKey.get(key.toUpperCase());
				const text = scalar(value);
				if (fieldName === undefined || text === undefined) {
					usable = false;
					break;
				}
				record[fieldName] = text;
			}
			if (!usable || msisdn === undefined) {
				ignored++;
				continue;
			}
			// Where the manual is silent: a number already in the list (or earlier in the flow) is a duplicate,
			// counted and left as it is.
			if (known.has(msisdn)) {
				duplicated++;
				continue;
			}
			known.add(msisdn);
			contactList.contacts.push({
				[PHONE_COLUMN]: msisdn,
				...Object.fromEntries(
					contactList.fields.map((field) => [field.name, record[field.name] ?? '']),
				),
			});
			success++;
		}
		// 27.3: a JSON string status, JSON numbers for the counts.
		return listAnswer(true, LIST_TEXTS.populated(contactList.name), {
			success,
			ignored,
			duplicated,
		});
	},
};
