import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { listNameField, show, subAccountOption } from './common';

export const getContactsOperation: INodePropertyOptions = {
	name: 'Get Contacts',
	value: 'getContacts',
	action: 'Get the contacts of a list',
	description: "getContacts: one item per contact of a list, with its MobilePhone and the list's own fields",
	routing: apiRouting('getContacts'),
};

export const getContactsDescription: INodeProperties[] = [
	listNameField(['getContacts'], true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getContacts']),
		options: [requestFormatOption, subAccountOption()],
	},
];
