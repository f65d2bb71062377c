import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { accountDataOf, checkAccountData, createOptions, requiredAccountDataFields } from './accountData';
import { echoParameter } from './hooks';

const REQUIRED_LABELS = { LOGIN: 'Login', PASSWORD: 'Password', FIRSTNAME: 'First Name', LASTNAME: 'Last Name', EMAIL: 'Email' };

async function checkNewSubAccount(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	checkAccountData(this, accountDataOf(requestOptions), REQUIRED_LABELS);
	return requestOptions;
}

export const createSubAccountOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'createSubAccount',
	action: 'Create a sub-account',
	description: 'createSubAccount: a new sub-account of your account, with its own login, credits and settings',
	routing: apiRoutingWith('createSubAccount', { before: [checkNewSubAccount], after: [echoParameter('login', 'subAccountLogin')] }),
};

const show = { show: { resource: ['subAccount'], operation: ['createSubAccount'] } };

export const createSubAccountDescription: INodeProperties[] = [
	...requiredAccountDataFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [...createOptions(), requestFormatOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
