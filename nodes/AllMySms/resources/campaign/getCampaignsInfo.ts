import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { invalidInput, requestBody } from '../../shared/operationRouting';
import { apiRouting, retryingRequests } from '../../shared/transport';
import { toAllMySmsDate } from '../../shared/validation/dates';
import { campaignTypeOption, limitField, returnAllField } from './common';

const show = { resource: ['campaign'], operation: ['getCampaignsInfo'] };

/** Section 13: at most 100 campaigns per request. */
export const CAMPAIGNS_PER_REQUEST = 100;

function readDate(context: IExecuteSingleFunctions, name: 'startDate' | 'endDate', label: string): string {
	const value = context.getNodeParameter(name, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') throw invalidInput(context, label, 'a date is required');
	const date = toAllMySmsDate(value, context.getTimezone());
	if (!date) throw invalidInput(context, label, `"${text}" is not a date`);
	return date;
}

/**
 * The period, as n8n dates read in the workflow's time zone, sent as the manual's
 * `YYYY-MM-DD HH:MM:SS` in French time (13.1 accepts it as well as `YYYY-MM-DD`).
 */
async function sendPeriod(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const startDate = readDate(this, 'startDate', 'Start Date');
	const endDate = readDate(this, 'endDate', 'End Date');
	// Same format and zone: the strings compare like the dates.
	if (endDate < startDate) throw invalidInput(this, 'End Date', `${endDate} is before the Start Date ${startDate}`);
	Object.assign(requestBody(requestOptions), { startDate, endDate });
	return requestOptions;
}

/**
 * Return All: limit 100, offset 0, 100, 200… until a page comes back short. Every page goes
 * through the transport's hooks (prepareRequest ran once; parseAnswer per page) and retries.
 */
async function allCampaigns(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const campaigns: INodeExecutionData[] = [];
	for (let offset = 0; ; offset += CAMPAIGNS_PER_REQUEST) {
		const body = { ...((requestData.options.body ?? {}) as IDataObject), limit: CAMPAIGNS_PER_REQUEST, offset };
		const page = await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, body } });
		campaigns.push(...page);
		if (page.length < CAMPAIGNS_PER_REQUEST) return campaigns;
	}
}

/** The routing of the getCampaignsInfo operation (its option is in index.ts). */
export const getCampaignsInfoRouting: INodePropertyRouting = {
	...apiRouting('getCampaignsInfo'),
	operations: { pagination: retryingRequests('getCampaignsInfo', allCampaigns) },
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
		displayOptions: { show },
		routing: { send: { preSend: [sendPeriod] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "Campaigns sent or scheduled up to this moment (read in the workflow's time zone)",
		displayOptions: { show },
	},
	returnAllField(show),
	limitField(show, CAMPAIGNS_PER_REQUEST),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			campaignTypeOption,
			{
				displayName: 'Hide Test Campaigns',
				name: 'hideTestCampaigns',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out the test messages sent from the AllMySMS manager',
				routing: { send: { type: 'body', property: 'hideTestCampaigns', value: '={{ $value ? 1 : 0 }}' } },
			},
			requestFormatOption,
			retriesOption,
			timeoutOption,
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only campaigns whose name or message contains this text',
				routing: { send: { type: 'body', property: 'search' } },
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
				routing: { send: { type: 'body', property: 'status' } },
			},
		],
	},
];
