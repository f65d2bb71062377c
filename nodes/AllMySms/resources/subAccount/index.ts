import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { createSubAccount, createSubAccountDescription } from './createSubAccount';
import { deleteSubAccount, deleteSubAccountDescription } from './deleteSubAccount';
import { getSubAccounts, getSubAccountsDescription } from './getSubAccounts';
import {
	manageSubAccountCredits,
	manageSubAccountCreditsDescription,
} from './manageSubAccountCredits';
import { updateSubAccount, updateSubAccountDescription } from './updateSubAccount';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('subAccount'),
	options: [
		{
			name: 'Create',
			value: 'createSubAccount',
			action: 'Create a subaccount',
			description: 'Create a sub-account of your account, with its own login, credits and settings',
		},
		{
			name: 'Delete',
			value: 'deleteSubAccount',
			action: 'Delete a subaccount',
			description:
				'Delete one of your sub-accounts. Take its credits back first with Manage Credits.',
		},
		{
			name: 'Get Many',
			value: 'getSubAccounts',
			action: 'Get many subaccounts',
			description:
				'Get many sub-accounts, each with its contact and billing details, credits and balance',
		},
		{
			name: 'Manage Credits',
			value: 'manageSubAccountCredits',
			action: 'Give or take back subaccount credits',
			description:
				'Move credits from your account to a sub-account, or back with a negative amount',
		},
		{
			name: 'Update',
			value: 'updateSubAccount',
			action: 'Update a subaccount',
			description: 'Change fields of one of your sub-accounts. Fields left out keep their value.',
		},
	],
	default: 'getSubAccounts',
};

const fields: INodeProperties[] = [
	...createSubAccountDescription,
	...updateSubAccountDescription,
	...getSubAccountsDescription,
	...manageSubAccountCreditsDescription,
	...deleteSubAccountDescription,
];

export const subAccount: Resource = {
	picker,
	fields,
	operations: {
		createSubAccount,
		deleteSubAccount,
		getSubAccounts,
		manageSubAccountCredits,
		updateSubAccount,
	},
};
