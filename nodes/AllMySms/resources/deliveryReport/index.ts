import type { INodeProperties } from 'n8n-workflow';

export const deliveryReportOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['deliveryReport'] } },
	options: [],
	default: '',
};

export const deliveryReportFields: INodeProperties[] = [];
