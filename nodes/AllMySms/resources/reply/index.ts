import type { INodeProperties } from 'n8n-workflow';

import { getPullDescription, getPullRouting } from './getPull';
import { getPullBySmsIdDescription, getPullBySmsIdRouting } from './getPullBySmsId';
import { getPullsDescription, getPullsRouting } from './getPulls';

/**
 * Replies (SMS-MO), manual sections 14-16. For real-time replies the AllMySMS Trigger
 * (webhook) is the better tool.
 */
export const replyOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['reply'] } },
	options: [
		{
			name: 'Get by SMS ID',
			value: 'getPullBySmsId',
			action: 'Get the reply to an SMS',
			description: 'Get the reply to one SMS: phone number, campaign ID, message and date',
			routing: getPullBySmsIdRouting,
		},
		{
			name: 'Get Many by Campaign',
			value: 'getPull',
			action: 'Get the replies to a campaign',
			description: 'Get the replies to a campaign, including those already fetched with Get New',
			routing: getPullRouting,
		},
		{
			name: 'Get New',
			value: 'getPulls',
			action: 'Get new replies',
			description: 'Get the replies to any campaign not fetched before, newest first. AllMySMS returns each reply only once here; Get Many by Campaign still finds it.',
			routing: getPullsRouting,
		},
	],
	default: 'getPulls',
};

export const replyFields: INodeProperties[] = [...getPullsDescription, ...getPullDescription, ...getPullBySmsIdDescription];
