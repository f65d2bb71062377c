import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { retriesOption, timeoutOption } from './retries';

export { retriesOption, timeoutOption };

/** The wire format of the request's flow and of the answer; both carry the same data. */
export const requestFormatOption: INodeProperties = {
	displayName: 'Request Format',
	name: 'requestFormat',
	type: 'options',
	options: [
		{ name: 'JSON', value: 'json' },
		{ name: 'XML', value: 'xml' },
	],
	default: 'json',
	description:
		'Format of the data exchanged with AllMySMS. Both give the same result; XML is there for setups that only accept XML.',
};

/**
 * Where a field shows: one resource (its operation picker), or some of its operations, and maybe
 * more conditions. Every displayOptions of the node is written with it.
 */
export function showFor(
	resource: string,
	operations?: string[],
	extra: Record<string, Array<string | boolean>> = {},
): IDisplayOptions {
	return {
		show: { resource: [resource], ...(operations ? { operation: operations } : {}), ...extra },
	};
}

/** The "Options" collection of an operation, its options in alphabetical order as n8n shows them. */
export function optionsCollection(
	displayOptions: INodeProperties['displayOptions'],
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * The Options collection of an operation that makes one request per item: the request format,
 * timeout and retries, and the operation's own options.
 */
export function requestOptions(
	displayOptions: INodeProperties['displayOptions'],
	own: INodeProperties[] = [],
): INodeProperties {
	return optionsCollection(displayOptions, [
		...own,
		requestFormatOption,
		retriesOption,
		timeoutOption,
	]);
}

/** "Send As" of the sends that can gather all input items into one campaign. */
export function sendModeField(
	displayOptions: INodeProperties['displayOptions'],
	campaignDescription: string,
): INodeProperties {
	return {
		displayName: 'Send As',
		name: 'sendMode',
		type: 'options',
		noDataExpression: true,
		displayOptions,
		options: [
			{
				name: 'One Message per Input Item',
				value: 'perItem',
				description: 'Each input item makes its own request, to the phone numbers of that item',
			},
			{
				name: 'One Campaign for All Input Items',
				value: 'campaign',
				description: campaignDescription,
			},
		],
		default: 'perItem',
	};
}

export const sendAtOption: INodeProperties = {
	displayName: 'Send At',
	name: 'sendAt',
	type: 'dateTime',
	default: '',
	description:
		"Schedule the send for later. Read in the workflow's time zone; AllMySMS receives it in French time.",
};

export const campaignNameOption: INodeProperties = {
	displayName: 'Campaign Name',
	name: 'campaignName',
	type: 'string',
	default: '',
	description: 'Name that identifies the campaign in the AllMySMS manager and in statistics',
};

export const uniqueIdentifierOption: INodeProperties = {
	displayName: 'Unique Identifier',
	name: 'uniqueIdentifier',
	type: 'string',
	default: '',
	description:
		'AllMySMS sends only once per identifier within 24 hours: a repeat returns the first result (with a treatmentStatus field) instead of sending again. Use it to make retries safe.',
};

export const skipIdenticalSendsOption: INodeProperties = {
	displayName: 'Skip Identical Sends',
	name: 'skipIdenticalSends',
	type: 'boolean',
	default: false,
	description:
		'Whether a send identical to one this node made in the last 24 hours (same recipients, text and options) returns the first result instead of sending again, even from another execution. Off: each execution is a new send; retries within an execution never send twice either way.',
};

export const DEFAULT_RECIPIENTS_PER_REQUEST = 5000;

export const recipientsPerRequestOption: INodeProperties = {
	displayName: 'Recipients per Request',
	name: 'recipientsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50000 },
	default: DEFAULT_RECIPIENTS_PER_REQUEST,
	description:
		'Larger sends are split into several requests of at most this many recipients, as the manual advises for large volumes',
};
