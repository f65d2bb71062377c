import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { getContactLists, getCountries, getSubAccounts } from './methods/loadOptions';
import { account } from './resources/account';
import { blacklist } from './resources/blacklist';
import { campaign } from './resources/campaign';
import { contactList } from './resources/contactList';
import { deliveryReport } from './resources/deliveryReport';
import { reply } from './resources/reply';
import { sms } from './resources/sms';
import { subAccount } from './resources/subAccount';
import { url } from './resources/url';
import { voice } from './resources/voice';
import { webhook } from './resources/webhook';
import type { Operation } from './shared/operation';
import { runOperation } from './shared/router';
import { toolDescriptionFields } from './shared/toolDescriptions';
import { CREDENTIAL_TYPE } from './shared/transport';

const RESOURCES = [
	account,
	blacklist,
	campaign,
	contactList,
	deliveryReport,
	reply,
	sms,
	subAccount,
	url,
	voice,
	webhook,
];

/** Every operation by its value (the API method's name, unique across resources). */
const OPERATIONS: Record<string, Operation> = Object.assign(
	{},
	...RESOURCES.map((resource) => resource.operations),
);

export class AllMySms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AllMySMS',
		name: 'allMySms',
		icon: { light: 'file:../../icons/allMySms.svg', dark: 'file:../../icons/allMySms.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description:
			'Send SMS and voice messages, follow deliveries and replies, manage campaigns and contacts with AllMySMS',
		defaults: { name: 'AllMySMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
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
			...RESOURCES.map((resource) => resource.picker),
			...RESOURCES.flatMap((resource) => resource.fields),
			...toolDescriptionFields(RESOURCES),
		],
	};

	methods = {
		loadOptions: { getContactLists, getCountries, getSubAccounts },
	};

	/** Every operation, in every mode n8n runs the node (docs/architecture.md). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, OPERATIONS);
	}
}
