import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { listNameField, show } from './common';
import {
	contactListField,
	contactOptionsField,
	contactsFromField,
	phonePropertyField,
	requestModeField,
} from './contactFields';
import { runContactsOperation } from './contacts';

export const deleteContactsDescription: INodeProperties[] = [
	listNameField(['deleteContacts']),
	contactsFromField('deleteContacts'),
	{
		displayName: 'Mobile Phones',
		name: 'mobilePhones',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0612345678, 0712345678',
		displayOptions: show(['deleteContacts'], { contactsFrom: ['fields'] }),
		description:
			'Mobile numbers of the contacts to delete, separated by commas, semicolons or new lines, or a list from an expression',
	},
	contactListField('deleteContacts'),
	phonePropertyField('deleteContacts'),
	requestModeField('deleteContacts'),
	contactOptionsField('deleteContacts'),
];

export async function deleteContacts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContactsOperation.call(this, 'deleteContacts');
}
