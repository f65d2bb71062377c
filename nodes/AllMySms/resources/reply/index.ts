import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { getPull, getPullDescription } from './getPull';
import { getPullBySmsId, getPullBySmsIdDescription } from './getPullBySmsId';
import { getPulls, getPullsDescription } from './getPulls';

/**
 * Replies (SMS-MO), manual sections 14-16. For real-time replies the AllMySMS Trigger
 * (webhook) is the better tool.
 */
const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('reply'),
	options: [
		{
			name: 'Get by SMS ID',
			value: 'getPullBySmsId',
			action: 'Get the reply to an SMS',
			description: 'Get the reply to one SMS: phone number, campaign ID, message and date',
		},
		{
			name: 'Get Many by Campaign',
			value: 'getPull',
			action: 'Get the replies to a campaign',
			description: 'Get the replies to a campaign, including those already fetched with Get New',
		},
		{
			name: 'Get New',
			value: 'getPulls',
			action: 'Get new replies',
			description:
				'Get the replies to any campaign not fetched before, newest first. AllMySMS returns each reply only once here; Get Many by Campaign still finds it.',
		},
	],
	default: 'getPulls',
};

const fields: INodeProperties[] = [
	...getPullsDescription,
	...getPullDescription,
	...getPullBySmsIdDescription,
];

export const reply: Resource = {
	picker,
	fields,
	operations: { getPullBySmsId, getPull, getPulls },
};
