import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { accountFields, accountOperations } from './resources/account';
import { smsCustomOperations, smsFields, smsOperations } from './resources/sms';
import { allMySmsApiTest } from './shared/credentialTest';
import { BASE_URL_EXPRESSION, CREDENTIAL_TYPE, HTTP_OPTIONS } from './shared/transport';

export class AllMySms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AllMySMS',
		name: 'allMySms',
		icon: { light: 'file:allMySms.svg', dark: 'file:allMySms.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description: 'Send SMS and manage campaigns with AllMySMS',
		defaults: { name: 'AllMySMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true, testedBy: 'allMySmsApiTest' }],
		requestDefaults: { ...HTTP_OPTIONS, baseURL: BASE_URL_EXPRESSION },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'SMS', value: 'sms' },
				],
				default: 'sms',
			},
			smsOperations,
			accountOperations,
			...smsFields,
			...accountFields,
		],
	};

	methods = { credentialTest: { allMySmsApiTest } };

	customOperations = { sms: smsCustomOperations };
}
