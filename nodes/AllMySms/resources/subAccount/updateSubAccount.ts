import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith, invalidInput } from '../../shared/operationRouting';
import { accountDataOf, checkAccountData, updateOptions } from './accountData';
import { actingAsSubAccount, credentialSubAccount, echoParameter } from './hooks';
import { subAccountField } from './subAccountField';

async function checkUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	// Annex 14: "Le service MODIFICATION DE SOUS-COMPTES n'est pas disponible" as a sub-account.
	const actingAs = await credentialSubAccount(this);
	if (actingAs) throw actingAsSubAccount(this, 'updateSubAccount', actingAs);
	const data = accountDataOf(requestOptions);
	if (Object.keys(data).length === 0) {
		throw invalidInput(this, 'Options', 'add at least one sub-account field to change');
	}
	checkAccountData(this, data, {});
	// 22.2 lists BILLCODE ("Téléphone portable du sous compte") where 21.2 has BILLMOBILE, the
	// billing mobile: most likely a slip, but the mobile is sent under both names, so that
	// whichever the API reads gets it.
	if (data.BILLMOBILE !== undefined) data.BILLCODE = data.BILLMOBILE;
	return requestOptions;
}

/** The routing of the updateSubAccount operation (its option is in index.ts). */
export const updateSubAccountRouting: INodePropertyRouting = apiRoutingWith('updateSubAccount', { before: [checkUpdate], after: [echoParameter('login', 'subAccount')] });

const show = { show: { resource: ['subAccount'], operation: ['updateSubAccount'] } };

export const updateSubAccountDescription: INodeProperties[] = [
	{
		...subAccountField('subAccount', show),
		description:
			'The sub-account to change (an expression gives its login). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		description: 'The fields to change',
		options: [...updateOptions(), requestFormatOption, retriesOption, timeoutOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
