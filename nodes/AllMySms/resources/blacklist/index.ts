import type { INodeProperties } from 'n8n-workflow';

import { deleteBlacklistEntryDescription, deleteBlacklistEntryOperation } from './deleteBlacklistEntry';
import { getBlacklistDescription, getBlacklistOperation } from './getBlacklist';

export const blacklistOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blacklist'] } },
	options: [deleteBlacklistEntryOperation, getBlacklistOperation],
	default: 'getBlacklist',
};

export const blacklistFields: INodeProperties[] = [...getBlacklistDescription, ...deleteBlacklistEntryDescription];
