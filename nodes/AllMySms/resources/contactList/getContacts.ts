import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { listNameField, readListName, readSubAccount, show, subAccountOption } from './common';

/** getContacts (31): the contacts of a list. */
export const getContacts: ItemOperation = {
	method: 'getContacts',
	request: (input) => ({
		params: { listName: readListName(input), subAccount: readSubAccount(input) },
	}),
};

export const getContactsDescription: INodeProperties[] = [
	listNameField(['getContacts']),
	requestOptions(show(['getContacts']), [subAccountOption()]),
];
