import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import type { ItemInput } from '../../shared/operation';

/** Fields shared by the contact list operations (sections 26-31). */

export type ContactListOperation =
	| 'createList'
	| 'populateList'
	| 'deleteContacts'
	| 'deleteList'
	| 'getLists'
	| 'getContacts';

export const show = (operations: ContactListOperation[], extra: Record<string, string[]> = {}) =>
	showFor('contactList', operations, extra);

/** An existing list, from the account's lists (getLists) or an expression. */
export function listNameField(operations: ContactListOperation[]): INodeProperties {
	return {
		displayName: 'List Name or ID',
		name: 'listName',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getContactLists',
			loadOptionsDependsOn: ['options.subAccount'],
		},
		required: true,
		default: '',
		displayOptions: show(operations),
		description:
			'The contact list (an expression gives its name). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

export const readListName = (input: ItemInput): string => input.text('listName');

/**
 * The sub-account whose lists are worked on: `subAccount` (29-31) or SUBACCOUNT in the flows
 * (26-28). The credential's own sub-account, when set, already applies to every request.
 */
export function subAccountOption(): INodeProperties {
	return {
		displayName: 'Sub-Account Name or ID',
		name: 'subAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSubAccounts' },
		default: '',
		description:
			'Work on the lists of this sub-account instead of your own (an expression gives its login). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

/** The Sub-Account option, when one is chosen. */
export const readSubAccount = (input: ItemInput): string | undefined =>
	input.optionText('subAccount');

/** The name of the built-in phone column: "MOBILEPHONE" in the flows (27.2), "MobilePhone" in getContacts (31.2). */
export const PHONE_FIELD = 'MOBILEPHONE';

/**
 * A list field's name. Contacts come back from getContacts with the fields as XML elements
 * (`<Firstname>`, 31.2), so a name must be one: a letter, then letters, digits or underscores.
 */
export function fieldNameProblem(name: string): string | undefined {
	if (name === '') return 'a field name is empty';
	if (!/^\p{L}[\p{L}\p{N}_]*$/u.test(name)) {
		return `"${name}" is not a field name AllMySMS can store: start with a letter, then letters, digits or underscores only (no spaces)`;
	}
	if (name.toUpperCase() === PHONE_FIELD)
		return `"${name}" is the list's built-in mobile phone column`;
	return undefined;
}
