import type { INodeProperties } from 'n8n-workflow';

export const blacklistOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blacklist'] } },
	options: [],
	default: '',
};

export const blacklistFields: INodeProperties[] = [];
