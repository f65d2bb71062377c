import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { sendAndWait, sendAndWaitDescription } from './sendAndWait';
import { sendSms, sendSmsDescription } from './sendSms';
import { simpleSms, simpleSmsDescription } from './simpleSms';
import { simulateCampaign, simulateCampaignDescription } from './simulateCampaign';

const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('sms'),
	options: [
		{
			name: 'Send',
			value: 'sendSms',
			action: 'Send SMS',
			description:
				'Send one message to one or many numbers, personalised per recipient, now or later',
		},
		{
			name: 'Send and Wait for a Reply',
			value: 'sendAndWait',
			action: 'Send an SMS and wait for the reply',
			description:
				'Ask one number a question (YES / NO, or free text); the execution waits and the reply resumes it',
		},
		{
			name: 'Send Simple',
			value: 'simpleSms',
			action: 'Send the same SMS text to a few numbers',
			description:
				'The plainest send: one text, no #param_N# personalisation, no campaign of many items. Pick Send for anything else.',
		},
		{
			name: 'Simulate Campaign',
			value: 'simulateCampaign',
			action: 'Simulate an SMS campaign',
			description:
				'Count the contacts, SMS parts, credits and cost of a campaign without sending anything',
		},
	],
	default: 'sendSms',
};

const fields: INodeProperties[] = [
	...sendSmsDescription,
	...sendAndWaitDescription,
	...simpleSmsDescription,
	...simulateCampaignDescription,
];

export const sms: Resource = {
	picker,
	fields,
	operations: {
		sendSms: { run: sendSms },
		sendAndWait: { run: sendAndWait },
		simpleSms: { run: simpleSms },
		simulateCampaign: { run: simulateCampaign },
	},
};
