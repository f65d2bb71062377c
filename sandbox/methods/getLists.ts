/**
 * getLists (manual section 30): every contact list of the account, in creation order.
 */
import { listSummary } from '../contactLists';
import type { MethodDefinition } from './context';

export const getLists: MethodDefinition = {
	name: 'getLists',
	authErrorShape: 'error',
	async handle({ account }) {
		// An account without lists: `{"lists": []}`, `<lists></lists>` in XML.
		return { lists: [...account.lists.values()].map(listSummary) };
	},
};
