import type { INodeProperties } from 'n8n-workflow';

import { createSubAccountDescription, createSubAccountOperation } from './createSubAccount';
import { deleteSubAccountDescription, deleteSubAccountOperation } from './deleteSubAccount';
import { getSubAccountsDescription, getSubAccountsOperation } from './getSubAccounts';
import { manageSubAccountCreditsDescription, manageSubAccountCreditsOperation } from './manageSubAccountCredits';
import { updateSubAccountDescription, updateSubAccountOperation } from './updateSubAccount';

export const subAccountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['subAccount'] } },
	options: [
		createSubAccountOperation,
		deleteSubAccountOperation,
		getSubAccountsOperation,
		manageSubAccountCreditsOperation,
		updateSubAccountOperation,
	],
	default: 'getSubAccounts',
};

export const subAccountFields: INodeProperties[] = [
	...createSubAccountDescription,
	...updateSubAccountDescription,
	...getSubAccountsDescription,
	...manageSubAccountCreditsDescription,
	...deleteSubAccountDescription,
];
