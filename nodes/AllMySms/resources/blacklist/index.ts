import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { deleteBlacklistEntry, deleteBlacklistEntryDescription } from './deleteBlacklistEntry';
import { getBlacklist, getBlacklistDescription } from './getBlacklist';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('blacklist'),
	options: [
		{
			name: 'Delete',
			value: 'deleteBlacklistEntry',
			action: 'Remove a number from the blacklist',
			description:
				'Remove an unreachable or manually added number from the blacklist. Numbers that answered STOP stay until they text START.',
		},
		{
			name: 'Get Many',
			value: 'getBlacklist',
			action: 'Get blacklisted numbers',
			description:
				'Get the numbers that will not receive your SMS: STOP answers, unreachable numbers and manual additions',
		},
	],
	default: 'getBlacklist',
};

const fields: INodeProperties[] = [...getBlacklistDescription, ...deleteBlacklistEntryDescription];

export const blacklist: Resource = {
	picker,
	fields,
	operations: { deleteBlacklistEntry, getBlacklist },
};
