import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

/** getInfo (34): the account's status, credits and contact details. */
export const getInfo: ItemOperation = { method: 'getInfo' };

export const getInfoDescription: INodeProperties[] = [
	requestOptions(showFor('account', ['getInfo'])),
];
