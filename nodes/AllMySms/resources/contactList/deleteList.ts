import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { listNameField, readListName, readSubAccount, show, subAccountOption } from './common';

/** deleteList (29): a contact list and its contacts. */
export const deleteList: ItemOperation = {
	method: 'deleteList',
	request: (input) => ({
		params: { listName: readListName(input), subAccount: readSubAccount(input) },
	}),
};

export const deleteListDescription: INodeProperties[] = [
	listNameField(['deleteList']),
	requestOptions(show(['deleteList']), [subAccountOption()]),
];
