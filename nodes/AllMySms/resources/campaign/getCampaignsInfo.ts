import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';
import { toAllMySmsDate } from '../../shared/validation/dates';
import { campaignTypeOption, limitField, readLimit, returnAllField } from './common';

const show = showFor('campaign', ['getCampaignsInfo']);

/** Section 13: at most 100 campaigns per request. */
export const CAMPAIGNS_PER_REQUEST = 100;

function readDate(input: ItemInput, name: 'startDate' | 'endDate', label: string): string {
	const value = input.value(name, '');
	const text = input.text(name);
	if (text === '') throw input.invalid(label, 'a date is required');
	const date = toAllMySmsDate(value, input.context.getTimezone());
	if (!date) throw input.invalid(label, `"${text}" is not a date`);
	return date;
}

/**
 * The period, as n8n dates read in the workflow's time zone, sent as the manual's
 * `YYYY-MM-DD HH:MM:SS` in French time (13.1 accepts it as well as `YYYY-MM-DD`).
 */
function readPeriod(input: ItemInput): { startDate: string; endDate: string } {
	const startDate = readDate(input, 'startDate', 'Start Date');
	const endDate = readDate(input, 'endDate', 'End Date');
	// Same format and zone: the strings compare like the dates.
	if (endDate < startDate)
		throw input.invalid('End Date', `${endDate} is before the Start Date ${startDate}`);
	return { startDate, endDate };
}

/** getCampaignsInfo (13): the campaigns of a period, 100 per request at most. */
export const getCampaignsInfo: ItemOperation = {
	method: 'getCampaignsInfo',
	request: (input) => ({
		params: {
			...readPeriod(input),
			limit: readLimit(input),
			type: input.optionText('type'),
			hideTestCampaigns: input.optionFlag('hideTestCampaigns'),
			search: input.option('search') as string | undefined,
			status: input.optionText('status'),
		},
	}),
	// Return All: limit 100, offset 0, 100, 200… until a page comes back short.
	async allPages(page) {
		const campaigns: IDataObject[] = [];
		for (let offset = 0; ; offset += CAMPAIGNS_PER_REQUEST) {
			const entries = await page({ limit: CAMPAIGNS_PER_REQUEST, offset });
			campaigns.push(...entries);
			if (entries.length < CAMPAIGNS_PER_REQUEST) return campaigns;
		}
	},
};

export const getCampaignsInfoDescription: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"Campaigns sent or scheduled from this moment on (read in the workflow's time zone, sent to AllMySMS in French time)",
		displayOptions: show,
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "Campaigns sent or scheduled up to this moment (read in the workflow's time zone)",
		displayOptions: show,
	},
	returnAllField(show),
	limitField(show, CAMPAIGNS_PER_REQUEST),
	requestOptions(show, [
		campaignTypeOption,
		{
			displayName: 'Hide Test Campaigns',
			name: 'hideTestCampaigns',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out the test messages sent from the AllMySMS manager',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only campaigns whose name or message contains this text',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Scheduled', value: 'programmed' },
				{ name: 'Sent', value: 'sent' },
			],
			default: 'all',
			description: 'Only campaigns in this status',
		},
	]),
];
