import type { INodeProperties } from 'n8n-workflow';

export const replyOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['reply'] } },
	options: [],
	default: '',
};

export const replyFields: INodeProperties[] = [];
