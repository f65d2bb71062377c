import type { INodeProperties } from 'n8n-workflow';

export const urlOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['url'] } },
	options: [],
	default: '',
};

export const urlFields: INodeProperties[] = [];
