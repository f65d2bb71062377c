import type { INodeProperties } from 'n8n-workflow';

import { createSubAccountDescription, createSubAccountRouting } from './createSubAccount';
import { deleteSubAccountDescription, deleteSubAccountRouting } from './deleteSubAccount';
import { getSubAccountsDescription, getSubAccountsRouting } from './getSubAccounts';
import { manageSubAccountCreditsDescription, manageSubAccountCreditsRouting } from './manageSubAccountCredits';
import { updateSubAccountDescription, updateSubAccountRouting } from './updateSubAccount';

export const subAccountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['subAccount'] } },
	options: [
		{
			name: 'Create',
			value: 'createSubAccount',
			action: 'Create a sub account',
			description: 'Create a sub-account of your account, with its own login, credits and settings',
			routing: createSubAccountRouting,
		},
		{
			name: 'Delete',
			value: 'deleteSubAccount',
			action: 'Delete a sub account',
			description: 'Delete one of your sub-accounts. Take its credits back first with Manage Credits.',
			routing: deleteSubAccountRouting,
		},
		{
			name: 'Get Many',
			value: 'getSubAccounts',
			action: 'Get sub accounts',
			description: 'Get many sub-accounts, each with its contact and billing details, credits and balance',
			routing: getSubAccountsRouting,
		},
		{
			name: 'Manage Credits',
			value: 'manageSubAccountCredits',
			action: 'Give or take back sub account credits',
			description: 'Move credits from your account to a sub-account, or back with a negative amount',
			routing: manageSubAccountCreditsRouting,
		},
		{
			name: 'Update',
			value: 'updateSubAccount',
			action: 'Update a sub account',
			description: 'Change fields of one of your sub-accounts. Fields left out keep their value.',
			routing: updateSubAccountRouting,
		},
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
