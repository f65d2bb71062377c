/**
 * deleteList (manual section 29): a list and its contacts deleted, for good.
 */
import { LIST_TEXTS, listAnswer } from '../contactLists';
import type { MethodDefinition } from './context';

export const deleteList: MethodDefinition = {
	name: 'deleteList',
	authErrorShape: 'status',
	// Where the manual is silent: "0 en cas d'erreur" (26.3-29.2) holds for a failed authentication too.
	authErrorAnswer: (text) => listAnswer(false, text),
	async handle({ account, params }) {
		// `subAccount` (29.1) is annex 14's parameter: the server already made the request act as it.
		const name = params.listName?.trim();
		if (!name) return listAnswer(false, LIST_TEXTS.missingListNameParameter);
		if (!account.lists.delete(name)) return listAnswer(false, LIST_TEXTS.listNotFound(name));
		return listAnswer(true, LIST_TEXTS.deleted(name));
	},
};
