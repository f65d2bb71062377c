import type { INodeProperties } from 'n8n-workflow';

import { sendSms, sendSmsDescription } from './sendSms';
import { simpleSms, simpleSmsDescription } from './simpleSms';
import { simulateCampaign, simulateCampaignDescription } from './simulateCampaign';

export const smsOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['sms'] } },
	options: [
		{
			name: 'Send',
			value: 'sendSms',
			action: 'Send SMS',
			description: 'Send one message to one or many numbers, personalised per recipient, now or later',
		},
		{
			name: 'Send Simple',
			value: 'simpleSms',
			action: 'Send SMS through the simplified URL',
			description: 'Send one message through the simplified sending URL, without per-recipient parameters',
		},
		{
			name: 'Simulate Campaign',
			value: 'simulateCampaign',
			action: 'Simulate an SMS campaign',
			description: 'Count the contacts, SMS parts, credits and cost of a campaign without sending anything',
		},
	],
	default: 'sendSms',
};

export const smsFields: INodeProperties[] = [
	...sendSmsDescription,
	...simpleSmsDescription,
	...simulateCampaignDescription,
];

/** Sending needs every item checked before the first request, so these run programmatically. */
export const smsCustomOperations = { sendSms, simpleSms, simulateCampaign };
