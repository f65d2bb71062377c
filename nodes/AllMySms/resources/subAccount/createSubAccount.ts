import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { accountDataOf, checkAccountData, createOptions, requiredAccountDataFields } from './accountData';
import { echoParameter } from './hooks';

const REQUIRED_LABELS = { LOGIN: 'Login', PASSWORD: 'Password', FIRSTNAME: 'First Name', LASTNAME: 'Last Name', EMAIL: 'Email' };

async function checkNewSubAccount(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	checkAccountData(this, accountDataOf(requestOptions), REQUIRED_LABELS);
	return requestOptions;
}

/** The routing of the createSubAccount operation (its option is in index.ts). */
export const createSubAccountRouting: INodePropertyRouting = apiRoutingWith('createSubAccount', { before: [checkNewSubAccount], after: [echoParameter('login', 'subAccountLogin')] });

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
		options: [...createOptions(), requestFormatOption, retriesOption, timeoutOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
