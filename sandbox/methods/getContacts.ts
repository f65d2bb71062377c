/**
 * getContacts (manual section 31): the contacts of a list, MobilePhone first, then the list's
 * own fields under the names given at createList (every field, empty when not filled).
 */
import { LIST_TEXTS } from '../contactLists';
import type { MethodDefinition } from './context';

export const getContacts: MethodDefinition = {
	name: 'getContacts',
	authErrorShape: 'error',
	async handle({ account, params }) {
		const name = params.listName?.trim();
		// Where the manual is silent: like the other read methods, a failure is `{"error": "…"}`.
		if (!name) return { error: LIST_TEXTS.missingListNameParameter };
		const contactList = account.lists.get(name);
		if (!contactList) return { error: LIST_TEXTS.listNotFound(name) };
		return { contacts: contactList.contacts.map((contact) => ({ ...contact })) };
	},
};
