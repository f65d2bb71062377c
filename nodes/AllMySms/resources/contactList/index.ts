import type { INodeProperties } from 'n8n-workflow';

export const contactListOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contactList'] } },
	options: [],
	default: '',
};

export const contactListFields: INodeProperties[] = [];
