import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { readSubAccount, show, subAccountOption } from './common';

/** getLists (30): the account's contact lists. */
export const getLists: ItemOperation = {
	method: 'getLists',
	request: (input) => ({ params: { subAccount: readSubAccount(input) } }),
};

export const getListsDescription: INodeProperties[] = [
	requestOptions(show(['getLists']), [subAccountOption()]),
];
