import type { INodeProperties } from 'n8n-workflow';

import { createListDescription, createListRouting } from './createList';
import { deleteContacts, deleteContactsDescription } from './deleteContacts';
import { deleteListDescription, deleteListRouting } from './deleteList';
import { getContactsDescription, getContactsRouting } from './getContacts';
import { getListsDescription, getListsRouting } from './getLists';
import { populateList, populateListDescription } from './populateList';

export const contactListOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contactList'] } },
	options: [
		{
			name: 'Add Contacts',
			value: 'populateList',
			action: 'Add contacts to a list',
			description: "Add contacts to a list, their values mapped to the list's fields, many in one request",
		},
		{
			name: 'Create',
			value: 'createList',
			action: 'Create a contact list',
			description: 'Create a contact list with its own fields (the mobile phone field is built in)',
			routing: createListRouting,
		},
		{
			name: 'Delete',
			value: 'deleteList',
			action: 'Delete a contact list',
			description: 'Delete a contact list and all its contacts, for good',
			routing: deleteListRouting,
		},
		{
			name: 'Delete Contacts',
			value: 'deleteContacts',
			action: 'Delete contacts from a list',
			description: 'Remove contacts from a list by their mobile number, many in one request',
		},
		{
			name: 'Get Contacts',
			value: 'getContacts',
			action: 'Get the contacts of a list',
			description: "Get the contacts of a list, each with its mobile phone and the list's own fields",
			routing: getContactsRouting,
		},
		{
			name: 'Get Many',
			value: 'getLists',
			action: 'Get many contact lists',
			description: 'Get many contact lists, each with its number of contacts, lock state and creation date',
			routing: getListsRouting,
		},
	],
	default: 'getLists',
};

export const contactListFields: INodeProperties[] = [
	...createListDescription,
	...populateListDescription,
	...deleteContactsDescription,
	...deleteListDescription,
	...getListsDescription,
	...getContactsDescription,
];

/** populateList and deleteContacts read every item first, and may gather all items in one request. */
export const contactListCustomOperations = { populateList, deleteContacts };
