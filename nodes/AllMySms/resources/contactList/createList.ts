import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith, bodyObject, invalidInput } from '../../shared/operationRouting';
import { fieldNameProblem, show, subAccountOption } from './common';

/**
 * createList (26): the listData flow of annex 7, LISTNAME, LOCKED and the STRUCTURE of the
 * list's own fields (the mobile phone column is built in). Checked before the request.
 */

interface FieldEntry {
	name?: unknown;
	filter?: unknown;
}

/** Before the request: checks the name and fields, and writes STRUCTURE. */
export async function buildListData(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const listData = bodyObject(requestOptions, 'listData');
	if (String(listData.LISTNAME ?? '') === '') throw invalidInput(this, 'List Name', 'the name is empty');

	const entries = (this.getNodeParameter('structure.field', []) as FieldEntry[]) ?? [];
	const seen = new Set<string>();
	const structure = entries.map((entry) => {
		const name = String(entry.name ?? '').trim();
		const problem = fieldNameProblem(name);
		if (problem) throw invalidInput(this, 'Fields', problem);
		// AllMySMS matches field names whatever their case (annex 8 writes FIRSTNAME for a
		// column getContacts shows as Firstname), so two names differing by case are one field.
		if (seen.has(name.toUpperCase())) throw invalidInput(this, 'Fields', `"${name}" is given twice`);
		seen.add(name.toUpperCase());
		return { FIELDNAME: name, FILTER: entry.filter === true ? '1' : '0' };
	});
	if (structure.length) listData.STRUCTURE = structure;
	return requestOptions;
}

/** The routing of the createList operation (its option is in index.ts). */
export const createListRouting: INodePropertyRouting = apiRoutingWith('createList', { before: [buildListData] });

export const createListDescription: INodeProperties[] = [
	{
		displayName: 'List Name',
		name: 'listName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Newsletter',
		displayOptions: show(['createList']),
		description: 'Name of the new list, as it will appear in the AllMySMS manager',
		routing: { send: { type: 'body', property: 'listData.LISTNAME', value: '={{ String($value ?? "").trim() }}' } },
	},
	{
		displayName: 'Fields',
		name: 'structure',
		type: 'fixedCollection',
		placeholder: 'Add Field',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: show(['createList']),
		description:
			'The fields each contact has besides its mobile phone (first name, shop…). Contacts are added with Add Contacts, their values mapped to these fields.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'Firstname',
						description: 'A letter, then letters, digits or underscores (no spaces)',
					},
					{
						displayName: 'Use as Filter',
						name: 'filter',
						type: 'boolean',
						default: false,
						description: 'Whether the AllMySMS manager offers this field to select contacts when sending from it',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['createList']),
		options: [
			{
				displayName: 'Locked',
				name: 'locked',
				type: 'boolean',
				default: false,
				description: 'Whether the list is read-only in the AllMySMS manager (the API can still change it)',
				routing: { send: { type: 'body', property: 'listData.LOCKED', value: '={{ $value ? "1" : "0" }}' } },
			},
			requestFormatOption,
			retriesOption,
			timeoutOption,
			subAccountOption('listData'),
		],
	},
];
