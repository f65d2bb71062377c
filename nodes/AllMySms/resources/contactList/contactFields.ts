import type { INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	requestFormatOption,
	retriesOption,
	timeoutOption,
} from '../../shared/descriptions';
import { show, subAccountOption } from './common';
import type { ContactsOperation } from './contacts';
import { DEFAULT_CONTACTS_PER_REQUEST } from './contacts';

/** Fields of populateList and deleteContacts: where the contacts come from, and how requests are made. */

export function contactsFromField(operation: ContactsOperation): INodeProperties {
	return {
		displayName: 'Contacts',
		name: 'contactsFrom',
		type: 'options',
		noDataExpression: true,
		displayOptions: show([operation]),
		options:
			operation === 'populateList'
				? [
						{
							name: 'One Contact Defined Below',
							value: 'fields',
							description: "A mobile number and the list's field values, set for each input item",
						},
						{
							name: 'List of Contacts (Expression)',
							value: 'list',
							description:
								"A list of contacts from an expression, such as the output of an Aggregate node, each mapped to the list's fields",
						},
					]
				: [
						{
							name: 'Mobile Numbers Defined Below',
							value: 'fields',
							description: 'One or more mobile numbers, set for each input item',
						},
						{
							name: 'List of Contacts (Expression)',
							value: 'list',
							description:
								'A list of contacts from an expression, such as the output of an Aggregate node',
						},
					],
		default: 'fields',
	};
}

export function requestModeField(operation: ContactsOperation): INodeProperties {
	return {
		displayName: 'Requests',
		name: 'requestMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: show([operation]),
		options: [
			{
				name: 'One per Input Item',
				value: 'perItem',
				description: "Each input item makes its own request, with that item's contacts",
			},
			{
				name: 'One for All Input Items',
				value: 'allItems',
				description:
					"The contacts of all input items go in one request (split at Contacts per Request); one output item with AllMySMS's counts",
			},
		],
		default: 'perItem',
	};
}

export function contactListField(operation: ContactsOperation): INodeProperties {
	return {
		displayName: 'Contacts List',
		name: 'contacts',
		type: 'json',
		required: true,
		default: '',
		placeholder: '{{ $json.contacts }}',
		displayOptions: show([operation], { contactsFrom: ['list'] }),
		description:
			'An expression giving a list of contacts, objects such as { "phone": "0612345678", "firstName": "Ada" } (what an Aggregate node outputs). A plain list of numbers works too.',
	};
}

export function phonePropertyField(operation: ContactsOperation): INodeProperties {
	return {
		displayName: 'Mobile Phone Property',
		name: 'phoneProperty',
		type: 'string',
		required: true,
		default: 'phone',
		displayOptions: show([operation], { contactsFrom: ['list'] }),
		description:
			'The property of each contact that holds its mobile number (dot notation reaches nested properties: address.mobile)',
	};
}

export function contactOptionsField(operation: ContactsOperation): INodeProperties {
	return optionsCollection(show([operation]), [
		{
			displayName: 'Contacts per Request',
			name: 'contactsPerRequest',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_CONTACTS_PER_REQUEST,
			description: 'More contacts are split into several requests of at most this many',
		},
		requestFormatOption,
		retriesOption,
		timeoutOption,
		{
			displayName: 'Skip Invalid Numbers',
			name: 'skipInvalidNumbers',
			type: 'boolean',
			default: false,
			description:
				'Whether to leave out contacts whose mobile number is invalid (they are listed in skippedContacts) instead of stopping before any request',
		},
		subAccountOption(),
	]);
}
