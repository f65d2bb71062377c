import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { invalidInput, requestBody } from '../../shared/operationRouting';
import type { PreSend } from '../../shared/operationRouting';

/** What the Delivery Report, Reply and Campaign operations share. */

/**
 * A required identifier (campaign id, SMS id): trimmed (ids are often pasted with a space or a
 * line break), refused when empty, and sent under each of the manual's `properties`.
 */
export function sendIdentifier(parameter: string, label: string, properties: string[]): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const raw = this.getNodeParameter(parameter, '') as unknown;
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value === '') throw invalidInput(this, label, 'it is empty');
		const body = requestBody(requestOptions);
		for (const property of properties) body[property] = value;
		return requestOptions;
	};
}

type Show = Record<string, string[]>;

/** A required identifier field; `properties` are the manual's names for it. */
export function identifierField(
	field: { name: string; displayName: string; description: string; placeholder?: string },
	show: Show,
	properties: string[],
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: field.placeholder,
		description: field.description,
		displayOptions: { show },
		routing: { send: { preSend: [sendIdentifier(field.name, field.displayName, properties)] } },
	};
}

export const campaignIdField = (show: Show, properties: string[], description?: string): INodeProperties =>
	identifierField(
		{
			name: 'campaignId',
			displayName: 'Campaign ID',
			placeholder: 'ebeljju7k5hb5f0n6',
			description: description ?? 'The campaign ID AllMySMS returned when the messages were sent (campaignId)',
		},
		show,
		properties,
	);

export const smsIdField = (show: Show): INodeProperties =>
	identifierField(
		{
			name: 'smsId',
			displayName: 'SMS ID',
			placeholder: '3a355c83-2b83-11e8-a8ef-0025907cf72e',
			description: 'The ID of one SMS, as AllMySMS returned it when it was sent (smsIds[].smsId)',
		},
		show,
		['smsId'],
	);

/** `type` of sections 9 (history 1.19), 11, 12 and 13: SMS campaigns by default. */
export const campaignTypeOption: INodeProperties = {
	displayName: 'Campaign Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'SMS', value: 'sms' },
		{ name: 'Voice', value: 'vocal' },
	],
	default: 'sms',
	description: 'Whether the campaign is an SMS campaign or a voice-message campaign',
	routing: { send: { type: 'body', property: 'type' } },
};

export const returnAllField = (show: Show): INodeProperties => ({
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
	displayOptions: { show },
	// Read by the operation's paging (transport.ts retryingRequests), which every request goes through.
});

export const limitField = (show: Show, maxValue?: number): INodeProperties => ({
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1, ...(maxValue === undefined ? {} : { maxValue }) },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { ...show, returnAll: [false] } },
	routing: { send: { type: 'body', property: 'limit', preSend: [checkLimit] } },
});

/** A Limit from an expression escapes the field's minimum: below 1 AllMySMS returns nothing (and getPulls may consume replies). */
async function checkLimit(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('limit', 50) as unknown;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) throw invalidInput(this, 'Limit', `${String(raw)} is not a whole number of at least 1`);
	return requestOptions;
}
