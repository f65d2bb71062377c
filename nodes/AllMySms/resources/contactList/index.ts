import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { createList, createListDescription } from './createList';
import { deleteContacts, deleteContactsDescription } from './deleteContacts';
import { deleteList, deleteListDescription } from './deleteList';
import { getContacts, getContactsDescription } from './getContacts';
import { getLists, getListsDescription } from './getLists';
import { populateList, populateListDescription } from './populateList';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('contactList'),
	options: [
		{
			name: 'Add Contacts',
			value: 'populateList',
			action: 'Add contacts to a list',
			description:
				"Add contacts to a list, their values mapped to the list's fields, many in one request",
		},
		{
			name: 'Create',
			value: 'createList',
			action: 'Create a contact list',
			description: 'Create a contact list with its own fields (the mobile phone field is built in)',
		},
		{
			name: 'Delete',
			value: 'deleteList',
			action: 'Delete a contact list',
			description: 'Delete a contact list and all its contacts, for good',
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
			description:
				"Get the contacts of a list, each with its mobile phone and the list's own fields",
		},
		{
			name: 'Get Many',
			value: 'getLists',
			action: 'Get many contact lists',
			description:
				'Get many contact lists, each with its number of contacts, lock state and creation date',
		},
	],
	default: 'getLists',
};

const fields: INodeProperties[] = [
	...createListDescription,
	...populateListDescription,
	...deleteContactsDescription,
	...deleteListDescription,
	...getListsDescription,
	...getContactsDescription,
];

export const contactList: Resource = {
	picker,
	fields,
	operations: {
		populateList: { run: populateList },
		createList,
		deleteList,
		deleteContacts: { run: deleteContacts },
		getContacts,
		getLists,
	},
};
