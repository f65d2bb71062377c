import type { INodeProperties } from 'n8n-workflow';

export const subAccountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['subAccount'] } },
	options: [],
	default: '',
};

export const subAccountFields: INodeProperties[] = [];
