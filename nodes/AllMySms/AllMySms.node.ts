import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	INodeExecutionData,
	INodePropertyOptions,
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
import { resumeOnReply } from './resources/sms/resumeOnReply';
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

/**
 * The resources, SMS first. n8n's node creator lists a node's actions in the order of its
 * Resource options, so this order, and not the alphabetical one n8n's lint asks of option lists,
 * is what puts "Send SMS" at the top of the action list: sending first, then what follows a send
 * (delivery reports, replies, campaigns), then the account's housekeeping.
 */
const RESOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'SMS', value: 'sms' },
	{ name: 'Delivery Report', value: 'deliveryReport' },
	{ name: 'Reply', value: 'reply' },
	{ name: 'Campaign', value: 'campaign' },
	{ name: 'Account', value: 'account' },
	{ name: 'Blacklist', value: 'blacklist' },
	{ name: 'Contact List', value: 'contactList' },
	{ name: 'Sub-Account', value: 'subAccount' },
	{ name: 'URL', value: 'url' },
	{ name: 'Voice', value: 'voice' },
	{ name: 'Webhook', value: 'webhook' },
];

/** Every operation by its value (the API method's name, unique across resources). */
const OPERATIONS: Record<string, Operation> = Object.assign(
	{},
	...RESOURCES.map((resource) => resource.operations),
);

/**
 * SMS → Send and Wait for a Reply: the waiting execution's webhook, which the AllMySMS Trigger
 * calls with the reply (resources/sms/resumeOnReply.ts). n8n serves it at
 * /webhook-waiting/<execution id>/<node id> while an execution waits, never otherwise: there is
 * nothing to register at AllMySMS, hence no `webhookMethods` lifecycle. (n8n's community lint
 * asks one of any node whose description lists webhooks inline, as it does of triggers; Slack's
 * and Gmail's send-and-wait webhooks are declared like this one.)
 */
const WAITING_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

export class AllMySms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AllMySMS',
		name: 'allMySms',
		icon: { light: 'file:../../icons/allMySms.svg', dark: 'file:../../icons/allMySms.dark.svg' },
		group: ['output'],
		version: 1,
		// "Send: SMS": each operation's name and its resource's (test/node/description.test.ts
		// checks it against the pickers). A literal, as n8n's lint reads it.
		subtitle:
			'={{ {"getCreditsByCountryIsoCode":"Get Credits per SMS: Account","getInfo":"Get Info: Account","getPrices":"Get Prices: Account","deleteBlacklistEntry":"Delete: Blacklist","getBlacklist":"Get Many: Blacklist","deleteCampaign":"Delete: Campaign","getCampaignInfo":"Get: Campaign","getCampaignsInfo":"Get Many: Campaign","getCampaignStats":"Get Stats: Campaign","populateList":"Add Contacts: Contact List","createList":"Create: Contact List","deleteList":"Delete: Contact List","deleteContacts":"Delete Contacts: Contact List","getContacts":"Get Contacts: Contact List","getLists":"Get Many: Contact List","getAckBySmsId":"Get by SMS ID: Delivery Report","getAcks":"Get Many by Campaign: Delivery Report","getPullBySmsId":"Get by SMS ID: Reply","getPull":"Get Many by Campaign: Reply","getPulls":"Get New: Reply","sendSms":"Send: SMS","sendAndWait":"Send and Wait for a Reply: SMS","simpleSms":"Send Simple: SMS","simulateCampaign":"Simulate Campaign: SMS","createSubAccount":"Create: Sub-Account","deleteSubAccount":"Delete: Sub-Account","getSubAccounts":"Get Many: Sub-Account","manageSubAccountCredits":"Manage Credits: Sub-Account","updateSubAccount":"Update: Sub-Account","getShortUrlDomains":"Get Domains: URL","shortenUrl":"Shorten: URL","createCode":"Create Code: Voice","downloadMedia":"Download Recording: Voice","getMedia":"Get Recording Info: Voice","sendVocal":"Send: Voice","simpleVocal":"Send Simple: Voice","configureWebhook":"Configure: Webhook","deleteWebhook":"Delete: Webhook","getWebhook":"Get: Webhook"}[$parameter["operation"]] ?? $parameter["operation"] }}',
		description:
			'Send SMS and voice messages, follow deliveries and replies, manage campaigns and contacts with AllMySMS',
		defaults: { name: 'AllMySMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: WAITING_WEBHOOKS,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCE_OPTIONS,
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

	/** A reply to the question of Send and Wait for a Reply, forwarded by the AllMySMS Trigger. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeOnReply.call(this);
	}

	/** Every operation, in every mode n8n runs the node (docs/architecture.md). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, OPERATIONS);
	}
}
