import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';
import type { Flow } from '../../shared/transport';
import { fieldNameProblem, readSubAccount, show, subAccountOption } from './common';

/**
 * createList (26): the listData flow of annex 7, LISTNAME, LOCKED and the STRUCTURE of the
 * list's own fields (the mobile phone column is built in). Checked before the request.
 */

interface FieldEntry {
	name?: unknown;
	filter?: unknown;
}

/** The listData flow, its name and fields checked. */
function listData(input: ItemInput): Flow {
	const flow: Flow = { LISTNAME: input.text('listName') };
	if (flow.LISTNAME === '') throw input.invalid('List Name', 'the name is empty');
	const locked = input.option('locked');
	if (locked !== undefined) flow.LOCKED = locked ? '1' : '0';
	const subAccount = readSubAccount(input);
	if (subAccount) flow.SUBACCOUNT = subAccount;

	const entries = input.value<FieldEntry[] | undefined>('structure.field', []) ?? [];
	const seen = new Set<string>();
	const structure = entries.map((entry) => {
		const name = String(entry.name ?? '').trim();
		const problem = fieldNameProblem(name);
		if (problem) throw input.invalid('Fields', problem);
		// AllMySMS matches field names whatever their case (annex 8 writes FIRSTNAME for a
		// column getContacts shows as Firstname), so two names differing by case are one field.
		if (seen.has(name.toUpperCase())) throw input.invalid('Fields', `"${name}" is given twice`);
		seen.add(name.toUpperCase());
		return { FIELDNAME: name, FILTER: entry.filter === true ? '1' : '0' };
	});
	if (structure.length) flow.STRUCTURE = structure;
	return flow;
}

export const createList: ItemOperation = {
	method: 'createList',
	request: (input) => ({ flow: listData(input) }),
};

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
						description:
							'Whether the AllMySMS manager offers this field to select contacts when sending from it',
					},
				],
			},
		],
	},
	requestOptions(show(['createList']), [
		{
			displayName: 'Locked',
			name: 'locked',
			type: 'boolean',
			default: false,
			description:
				'Whether the list is read-only in the AllMySMS manager (the API can still change it)',
		},
		subAccountOption(),
	]),
];
