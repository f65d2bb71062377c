import type { INodeProperties } from 'n8n-workflow';

import { createListDescription, createListOperation } from './createList';
import { deleteContacts, deleteContactsDescription } from './deleteContacts';
import { deleteListDescription, deleteListOperation } from './deleteList';
import { getContactsDescription, getContactsOperation } from './getContacts';
import { getListsDescription, getListsOperation } from './getLists';
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
			description:
				"populateList: adds contacts to a list, their values mapped to the list's fields, many in one request",
		},
		createListOperation,
		deleteListOperation,
		{
			name: 'Delete Contacts',
			value: 'deleteContacts',
			action: 'Delete contacts from a list',
			description: 'deleteContacts: removes contacts from a list by mobile number, many in one request',
		},
		getContactsOperation,
		getListsOperation,
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
