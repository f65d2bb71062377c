import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
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

export const updateSubAccountOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'updateSubAccount',
	action: 'Update a sub-account',
	description: 'updateSubAccount: change fields of one of your sub-accounts; fields left out keep their value',
	routing: apiRoutingWith('updateSubAccount', { before: [checkUpdate], after: [echoParameter('login', 'subAccount')] }),
};

const show = { show: { resource: ['subAccount'], operation: ['updateSubAccount'] } };

export const updateSubAccountDescription: INodeProperties[] = [
	subAccountField('subAccount', 'The sub-account to change', show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		description: 'The fields to change',
		options: [...updateOptions(), requestFormatOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
