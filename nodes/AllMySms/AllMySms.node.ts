import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { getContactLists, getCountries, getSubAccounts } from './methods/loadOptions';
import { accountFields, accountOperations } from './resources/account';
import { blacklistFields, blacklistOperations } from './resources/blacklist';
import { campaignFields, campaignOperations } from './resources/campaign';
import { contactListCustomOperations, contactListFields, contactListOperations } from './resources/contactList';
import { deliveryReportFields, deliveryReportOperations } from './resources/deliveryReport';
import { replyFields, replyOperations } from './resources/reply';
import { smsCustomOperations, smsFields, smsOperations } from './resources/sms';
import { subAccountFields, subAccountOperations } from './resources/subAccount';
import { urlFields, urlOperations } from './resources/url';
import { voiceCustomOperations, voiceFields, voiceOperations } from './resources/voice';
import { webhookFields, webhookOperations } from './resources/webhook';
import { BASE_URL_EXPRESSION, CREDENTIAL_TYPE, HTTP_OPTIONS } from './shared/transport';

export class AllMySms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AllMySMS',
		name: 'allMySms',
		icon: { light: 'file:../../icons/allMySms.svg', dark: 'file:../../icons/allMySms.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description: 'Send SMS and voice messages, follow deliveries and replies, manage campaigns and contacts with AllMySMS',
		defaults: { name: 'AllMySMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: { ...HTTP_OPTIONS, baseURL: BASE_URL_EXPRESSION },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Blacklist', value: 'blacklist' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Contact List', value: 'contactList' },
					{ name: 'Delivery Report', value: 'deliveryReport' },
					{ name: 'Reply', value: 'reply' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Sub-Account', value: 'subAccount' },
					{ name: 'URL', value: 'url' },
					{ name: 'Voice', value: 'voice' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'sms',
			},
			accountOperations,
			blacklistOperations,
			campaignOperations,
			contactListOperations,
			deliveryReportOperations,
			replyOperations,
			smsOperations,
			subAccountOperations,
			urlOperations,
			voiceOperations,
			webhookOperations,
			...accountFields,
			...blacklistFields,
			...campaignFields,
			...contactListFields,
			...deliveryReportFields,
			...replyFields,
			...smsFields,
			...subAccountFields,
			...urlFields,
			...voiceFields,
			...webhookFields,
		],
	};

	methods = {
		loadOptions: { getContactLists, getCountries, getSubAccounts },
	};

	customOperations = { contactList: contactListCustomOperations, sms: smsCustomOperations, voice: voiceCustomOperations };
}
