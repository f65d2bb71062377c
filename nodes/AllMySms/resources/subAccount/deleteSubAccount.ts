import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { echoParameter } from './hooks';
import { subAccountField } from './subAccountField';

export const deleteSubAccountOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'deleteSubAccount',
	action: 'Delete a sub-account',
	description: 'deleteSubAccount: delete one of your sub-accounts; take its credits back first with Manage Credits',
	routing: apiRoutingWith('deleteSubAccount', { after: [echoParameter('login', 'loginToDelete')] }),
};

const show = { show: { resource: ['subAccount'], operation: ['deleteSubAccount'] } };

export const deleteSubAccountDescription: INodeProperties[] = [
	subAccountField(
		'loginToDelete',
		'The sub-account to delete',
		show,
		'The manual does not say what becomes of its remaining credits: take them back first with Manage Credits (negative amount).',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [requestFormatOption],
	},
];
