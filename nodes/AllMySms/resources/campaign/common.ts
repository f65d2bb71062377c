import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../shared/operation';

/** What the Delivery Report, Reply and Campaign operations share. */

/** A required identifier field (campaign id, SMS id). */
function identifierField(
	field: { name: string; displayName: string; description: string; placeholder?: string },
	show: IDisplayOptions,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: field.placeholder,
		description: field.description,
		displayOptions: show,
	};
}

export const campaignIdField = (show: IDisplayOptions, description?: string): INodeProperties =>
	identifierField(
		{
			name: 'campaignId',
			displayName: 'Campaign ID',
			placeholder: 'ebeljju7k5hb5f0n6',
			description:
				description ?? 'The campaign ID AllMySMS returned when the messages were sent (campaignId)',
		},
		show,
	);

export const smsIdField = (show: IDisplayOptions): INodeProperties =>
	identifierField(
		{
			name: 'smsId',
			displayName: 'SMS ID',
			placeholder: '3a355c83-2b83-11e8-a8ef-0025907cf72e',
			description: 'The ID of one SMS, as AllMySMS returned it when it was sent (smsIds[].smsId)',
		},
		show,
	);

/** Identifiers are often pasted with a space or a line break: trimmed, refused when empty. */
export const readCampaignId = (input: ItemInput): string =>
	input.required('campaignId', 'Campaign ID');

export const readSmsId = (input: ItemInput): string => input.required('smsId', 'SMS ID');

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
};

export const returnAllField = (show: IDisplayOptions): INodeProperties => ({
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
	displayOptions: show,
});

export const limitField = (show: IDisplayOptions, maxValue?: number): INodeProperties => ({
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1, ...(maxValue === undefined ? {} : { maxValue }) },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { ...show.show, returnAll: [false] } },
});

/**
 * The Limit, when Return All is off. An expression escapes the field's minimum: below 1
 * AllMySMS returns nothing (and getPulls may consume replies), so it is refused.
 */
export function readLimit(input: ItemInput): number | undefined {
	if (input.value('returnAll', false) === true) return undefined;
	const raw = input.value('limit', 50);
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1)
		throw input.invalid('Limit', `${String(raw)} is not a whole number of at least 1`);
	return limit;
}
