import type { INodeProperties } from 'n8n-workflow';

import { deleteBlacklistEntryDescription, deleteBlacklistEntryRouting } from './deleteBlacklistEntry';
import { getBlacklistDescription, getBlacklistRouting } from './getBlacklist';

export const blacklistOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blacklist'] } },
	options: [
		{
			name: 'Delete',
			value: 'deleteBlacklistEntry',
			action: 'Remove a number from the blacklist',
			description: 'Remove an unreachable or manually added number from the blacklist. Numbers that answered STOP stay until they text START.',
			routing: deleteBlacklistEntryRouting,
		},
		{
			name: 'Get Many',
			value: 'getBlacklist',
			action: 'Get blacklisted numbers',
			description: 'Get the numbers that will not receive your SMS: STOP answers, unreachable numbers and manual additions',
			routing: getBlacklistRouting,
		},
	],
	default: 'getBlacklist',
};

export const blacklistFields: INodeProperties[] = [...getBlacklistDescription, ...deleteBlacklistEntryDescription];
