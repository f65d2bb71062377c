import type { INodeProperties } from 'n8n-workflow';

import {
	campaignNameOption,
	optionsCollection,
	recipientsPerRequestOption,
	requestFormatOption,
	retriesOption,
	timeoutOption,
	sendAtOption,
	sendModeField,
	showFor,
	skipIdenticalSendsOption,
	uniqueIdentifierOption,
} from '../../shared/descriptions';
import { addStopMentionOption, sendingRuleOptions } from '../../shared/rules/ruleFields';

/** Fields shared by the SMS operations; each operation picks what its method supports. */

export type SmsOperation = 'sendSms' | 'sendAndWait' | 'simulateCampaign' | 'simpleSms';

const show = (operations: SmsOperation[]) => showFor('sms', operations);

export function smsSendModeField(operations: SmsOperation[]): INodeProperties {
	return sendModeField(
		show(operations),
		'Each input item is a recipient; all of them are sent together as one campaign, in as few requests as possible',
	);
}

export function phoneNumbersField(operations: SmsOperation[]): INodeProperties {
	return {
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0612345678, +32470123456',
		displayOptions: show(operations),
		description:
			'Mobile numbers, separated by commas, semicolons or new lines, or a list from an expression. France: 06…/07…, 336…/337… or +336…/+337…; elsewhere: +CC… or CC…. Landlines are refused.',
	};
}

export function messageField(operations: SmsOperation[], withParameters: boolean): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: show(operations),
		description: withParameters
			? 'Text of the SMS. Use #param_1#, #param_2#… for the values set in Message Parameters. Commercial SMS to France must end with "STOP au 36180" for a custom sender to be used.'
			: 'Text of the SMS. Commercial SMS to France must end with "STOP au 36180" for a custom sender to be used.',
	};
}

export function messageParametersField(operations: SmsOperation[]): INodeProperties {
	return {
		displayName: 'Message Parameters',
		name: 'messageParameters',
		type: 'fixedCollection',
		placeholder: 'Add #param_N# Value',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: show(operations),
		description:
			"Values for #param_1#, #param_2#… in that order, worked out for each input item (for example an expression that reads the item's first name)",
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						// n8n gives every row the same label: it says which row fills which placeholder.
						displayName: 'Value (Row N → Param N)',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Replaces #param_N# in the message, N being the position of this row: the first row fills #param_1#, the second #param_2#…',
					},
				],
			},
		],
	};
}

const senderOption: INodeProperties = {
	displayName: 'Sender Name',
	name: 'sender',
	type: 'string',
	default: '',
	placeholder: 'MyShop',
	description:
		'Name shown as the sender (TPOA): 3 to 11 unaccented letters, digits or spaces, starting with a letter. For France it is only used when the message ends with "STOP au 36180". Default: the AllMySMS short code.',
};

const codingOption: INodeProperties = {
	displayName: 'Encoding',
	name: 'coding',
	type: 'options',
	options: [
		{
			name: 'Automatic',
			value: 'auto',
			description:
				'GSM-7 (160 characters per SMS) unless the message uses another alphabet or emoji, then Unicode (70)',
		},
		{
			name: 'GSM-7',
			value: 'gsm7',
			description:
				'Latin alphabet, 160 characters per SMS. Accents outside GSM-7 (ê, ç…) may be sent without them.',
		},
		{
			name: 'Unicode',
			value: 'unicode',
			description: 'Any character, 70 characters per SMS',
		},
	],
	default: 'auto',
};

/** Options of the flow-based methods (sendSms, simulateCampaign: section 7.2). */
const flowOptions: INodeProperties[] = [
	{
		displayName: 'Client Message ID',
		name: 'clientMessageId',
		type: 'string',
		default: '',
		description: 'Your own reference (CLIMSGID), given back with delivery reports and replies',
	},
	{
		displayName: 'Explain Discarded Numbers',
		name: 'explainDiscarded',
		type: 'boolean',
		default: false,
		description:
			'Whether AllMySMS should say why numbers were left out (blacklisted after STOP, unassigned, added by hand, invalid)',
	},
	{
		displayName: 'Priority Channel',
		name: 'priority',
		type: 'boolean',
		default: false,
		description:
			'Whether to use the priority channel (ALERTING) for urgent, non-commercial messages. Mainland France only; your account must be allowed to use it.',
	},
	recipientsPerRequestOption,
	{
		displayName: 'Track Links',
		name: 'trackLinks',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace the link in the message with a short tracked link that counts clicks',
	},
	requestFormatOption,
	retriesOption,
	timeoutOption,
];

export function optionsField(operation: SmsOperation): INodeProperties {
	const common = [senderOption, sendAtOption, campaignNameOption, codingOption];
	const byOperation: Record<SmsOperation, INodeProperties[]> = {
		sendSms: [
			...common,
			...flowOptions,
			uniqueIdentifierOption,
			skipIdenticalSendsOption,
			...sendingRuleOptions(true),
		],
		// No Client Message ID: the question's CLIMSGID says which execution waits for the reply.
		sendAndWait: [
			...common,
			uniqueIdentifierOption,
			requestFormatOption,
			retriesOption,
			timeoutOption,
			...sendingRuleOptions(true),
		],
		simulateCampaign: [...common, ...flowOptions, addStopMentionOption],
		simpleSms: [
			...common,
			uniqueIdentifierOption,
			skipIdenticalSendsOption,
			retriesOption,
			timeoutOption,
			...sendingRuleOptions(true),
		],
	};
	return optionsCollection(show([operation]), byOperation[operation]);
}
