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

export const populateListDescription: INodeProperties[] = [
	listNameField(['populateList']),
	contactsFromField('populateList'),
	{
		displayName: 'Mobile Phone',
		name: 'mobilePhone',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0612345678',
		displayOptions: show(['populateList'], { contactsFrom: ['fields'] }),
		description: "The contact's mobile number: 06…/07…, +336…/+337…, or +CC… for other countries",
	},
	{
		displayName: 'Field Values',
		name: 'fieldValues',
		type: 'fixedCollection',
		placeholder: 'Add Field Value',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: show(['populateList'], { contactsFrom: ['fields'] }),
		description: "Values of the list's own fields for this contact",
		options: [
			{
				displayName: 'Value',
				name: 'value',
				values: [
					{
						displayName: 'List Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'Firstname',
						description: 'Name of the field, as created with the list',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '{{ $json.firstName }}',
					},
				],
			},
		],
	},
	contactListField('populateList'),
	phonePropertyField('populateList'),
	{
		displayName: 'Field Mapping',
		name: 'fieldMapping',
		type: 'fixedCollection',
		placeholder: 'Add Mapping',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: show(['populateList'], { contactsFrom: ['list'] }),
		description:
			"Which property of each contact fills which field of the list. Other properties are left out: AllMySMS ignores a contact carrying a field the list doesn't have.",
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'List Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'Firstname',
						description: 'Name of the field, as created with the list',
					},
					{
						displayName: 'Contact Property',
						name: 'property',
						type: 'string',
						default: '',
						placeholder: 'firstName',
						description:
							'The property of each contact that holds the value (dot notation reaches nested properties)',
					},
				],
			},
		],
	},
	requestModeField('populateList'),
	contactOptionsField('populateList'),
];

export async function populateList(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContactsOperation.call(this, 'populateList');
}
