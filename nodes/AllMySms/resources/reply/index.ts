import type { INodeProperties } from 'n8n-workflow';

import { getPullDescription, getPullOperation } from './getPull';
import { getPullBySmsIdDescription, getPullBySmsIdOperation } from './getPullBySmsId';
import { getPullsDescription, getPullsOperation } from './getPulls';

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
	options: [getPullBySmsIdOperation, getPullOperation, getPullsOperation],
	default: 'getPulls',
};

export const replyFields: INodeProperties[] = [...getPullsDescription, ...getPullDescription, ...getPullBySmsIdDescription];
