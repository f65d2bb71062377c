import type { INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { failUnlessNoSubAccount } from './hooks';

/** The shared routing, with the status 0 check before the answer becomes items. */
function getSubAccountsRouting(): INodePropertyRouting {
	const routing = apiRouting('getSubAccounts');
	return { ...routing, output: { ...routing.output, postReceive: [failUnlessNoSubAccount, ...(routing.output?.postReceive ?? [])] } };
}

export const getSubAccountsOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getSubAccounts',
	action: 'Get sub-accounts',
	description:
		'getSubAccounts: your sub-accounts with their contact and billing details, credits and balance, one item per sub-account (none when you have none)',
	routing: getSubAccountsRouting(),
};

export const getSubAccountsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['subAccount'], operation: ['getSubAccounts'] } },
		options: [requestFormatOption],
	},
];
