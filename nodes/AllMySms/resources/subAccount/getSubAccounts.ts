import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

/**
 * getSubAccounts (23). It answers status 0 both for "No subaccount found" (no item) and for a
 * refusal such as a wrong key: apiMethods.ts tells them apart by the text (emptyText).
 */
export const getSubAccounts: ItemOperation = { method: 'getSubAccounts' };

export const getSubAccountsDescription: INodeProperties[] = [
	requestOptions(showFor('subAccount', ['getSubAccounts'])),
];
