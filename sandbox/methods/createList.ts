/**
 * createList (manual section 26): a contact list from the `listData` flow (annex 7).
 */
import {
	LIST_TEXTS,
	flowAccount,
	flowEntries,
	flowText,
	isFieldName,
	listAnswer,
	readListFlow,
} from '../contactLists';
import { intval } from '../rules';
import { scalar } from '../smsData';
import type { MethodDefinition } from './context';

export const createList: MethodDefinition = {
	name: 'createList',
	authErrorShape: 'status',
	// Where the manual is silent: "0 en cas d'erreur" (26.3-29.2) holds for a failed authentication too.
	authErrorAnswer: (text) => listAnswer(false, text),
	async handle(context) {
		// Where the manual is silent: the form field is `listData`, the name of the flow in 26.2 (the parameter
		// table of 26.1 is empty).
		const flow = readListFlow(context, 'listData', ['STRUCTURE.FIELD']);
		if (!flow.ok) return flow.answer;
		const { data } = flow;
		const name = flowText(data, 'LISTNAME');
		if (name === undefined) return listAnswer(false, LIST_TEXTS.missingListName);
		const target = flowAccount(context, data);
		if (!target.ok) return target.answer;
		const { account } = target;
		// Where the manual is silent: list names are unique per account, compared exactly.
		if (account.lists.has(name)) return listAnswer(false, LIST_TEXTS.listExists(name));

		const fields: { name: string; filter: boolean }[] = [];
		for (const entry of flowEntries(data.STRUCTURE, 'FIELD')) {
			const fieldName = (scalar(entry.FIELDNAME) ?? '').trim();
			if (!isFieldName(fieldName)) return listAnswer(false, LIST_TEXTS.invalidFieldName(fieldName));
			// Where the manual is silent: field names are matched whatever their case (annex 8's FIRSTNAME fills
			// getContacts' Firstname), so two that differ only by case are one field twice.
			if (fields.some((field) => field.name.toUpperCase() === fieldName.toUpperCase())) {
				return listAnswer(false, LIST_TEXTS.duplicateField(fieldName));
			}
			fields.push({ name: fieldName, filter: intval(scalar(entry.FILTER)) !== 0 });
		}
		account.lists.set(name, {
			name,
			locked: intval(scalar(data.LOCKED)) !== 0,
			creationDate: context.state.now(),
			fields,
			contacts: [],
		});
		return listAnswer(true, LIST_TEXTS.created);
	},
};
