/**
 * deleteContacts (manual section 28): contacts removed from a list by mobile number, from the
 * `deleteData` flow (annex 10).
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

export const deleteContacts: MethodDefinition = {
	name: 'deleteContacts',
	authErrorShape: 'status',
	// Where the manual is silent: "0 en cas d'erreur" (26.3-29.2) holds for a failed authentication too.
	authErrorAnswer: (text) => listAnswer(false, text),
	async handle(context) {
		const flow = readContactsFlow(context, 'deleteData');
		if (!flow.ok) return flow.answer;
		const contactList = flow.list;

		let success = 0;
		let ignored = 0;
		let duplicated = 0;
		const deleted = new Set<string>();
		for (const contact of flowEntries(flow.data.CONTACTS, 'CONTACT')) {
			const phoneKey = contactPhoneKey(contact);
			const msisdn = contactNumber(phoneKey === undefined ? undefined : scalar(contact[phoneKey]));
			// Where the manual is silent: contacts are found by MOBILEPHONE alone (annex 10); other fields are not
			// compared. An invalid number, or one the list does not hold, is ignored (28.3's
			// example: success 0, ignored 6); the same number twice is a duplicate.
			if (msisdn === undefined) {
				ignored++;
				continue;
			}
			if (deleted.has(msisdn)) {
				duplicated++;
				continue;
			}
			const index = contactList.contacts.findIndex((entry) => entry[PHONE_COLUMN] === msisdn);
			if (index === -1) {
				ignored++;
				continue;
			}
			contactList.contacts.splice(index, 1);
			deleted.add(msisdn);
			success++;
		}
		return listAnswer(true, LIST_TEXTS.updated(contactList.name), { success, ignored, duplicated });
	},
};
