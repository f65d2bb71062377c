import type { INodeProperties } from 'n8n-workflow';

export const webhookOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [],
	default: '',
};

export const webhookFields: INodeProperties[] = [];
