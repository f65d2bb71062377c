import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { echoParameter } from './hooks';
import { subAccountField } from './subAccountField';

/** The routing of the deleteSubAccount operation (its option is in index.ts). */
export const deleteSubAccountRouting: INodePropertyRouting = apiRoutingWith('deleteSubAccount', { after: [echoParameter('login', 'loginToDelete')] });

const show = { show: { resource: ['subAccount'], operation: ['deleteSubAccount'] } };

export const deleteSubAccountDescription: INodeProperties[] = [
	{
		...subAccountField('loginToDelete', show),
		description:
			'The sub-account to delete (an expression gives its login). What becomes of its remaining credits is not documented: take them back first with Manage Credits (negative amount). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
