import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { failUnlessNoSubAccount } from './hooks';


/** The shared routing, with the status 0 check before the answer becomes items. */
function checkingStatusFirst(routing: INodePropertyRouting): INodePropertyRouting {
	return { ...routing, output: { ...routing.output, postReceive: [failUnlessNoSubAccount, ...(routing.output?.postReceive ?? [])] } };
}

/** The routing of the getSubAccounts operation (its option is in index.ts). */
export const getSubAccountsRouting: INodePropertyRouting = checkingStatusFirst(apiRouting('getSubAccounts'));

export const getSubAccountsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['subAccount'], operation: ['getSubAccounts'] } },
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
