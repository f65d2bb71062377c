import type { INodeProperties } from 'n8n-workflow';

import {
	requestFormatOption,
	retriesOption,
	showFor,
	timeoutOption,
} from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';
import type { Flow } from '../../shared/transport';
import { checkAccountData, readAccountData, updateOptions } from './accountData';
import { actingAsSubAccount, credentialSubAccount, withLogin } from './hooks';
import { subAccountField } from './subAccountField';

async function changes(input: ItemInput): Promise<Flow> {
	// Annex 14: "Le service MODIFICATION DE SOUS-COMPTES n'est pas disponible" as a sub-account.
	const actingAs = await credentialSubAccount(input);
	if (actingAs) throw actingAsSubAccount(input, 'updateSubAccount', actingAs);
	const data = readAccountData(input, 'updateSubAccount');
	if (Object.keys(data).length === 0) {
		throw input.invalid('Options', 'add at least one sub-account field to change');
	}
	checkAccountData(input, data, {});
	// 22.2 lists BILLCODE ("Téléphone portable du sous compte") where 21.2 has BILLMOBILE, the
	// billing mobile: most likely a slip, but the mobile is sent under both names, so that
	// whichever the API reads gets it.
	if (data.BILLMOBILE !== undefined) data.BILLCODE = data.BILLMOBILE;
	return data;
}

/** updateSubAccount (22): changes a sub-account; the output says which. */
export const updateSubAccount: ItemOperation = {
	method: 'updateSubAccount',
	request: async (input) => ({
		params: { subAccount: input.text('subAccount') },
		flow: await changes(input),
	}),
	output: withLogin('updateSubAccount', 'subAccount'),
};

const show = showFor('subAccount', ['updateSubAccount']);

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
		options: [...updateOptions(), requestFormatOption, retriesOption, timeoutOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];
