import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { withLogin } from './hooks';
import { subAccountField } from './subAccountField';

/** deleteSubAccount (25): the output says which login was deleted. */
export const deleteSubAccount: ItemOperation = {
	method: 'deleteSubAccount',
	request: (input) => ({ params: { loginToDelete: input.text('loginToDelete') } }),
	output: withLogin('deleteSubAccount', 'loginToDelete'),
};

const show = showFor('subAccount', ['deleteSubAccount']);

export const deleteSubAccountDescription: INodeProperties[] = [
	{
		...subAccountField('loginToDelete', show),
		description:
			'The sub-account to delete (an expression gives its login). What becomes of its remaining credits is not documented: take them back first with Manage Credits (negative amount). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	requestOptions(show),
];
