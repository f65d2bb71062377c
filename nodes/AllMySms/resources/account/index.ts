import type { INodeProperties } from 'n8n-workflow';

import { getInfoDescription, getInfoOperation } from './getInfo';

export const accountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [getInfoOperation],
	default: 'getInfo',
};

export const accountFields: INodeProperties[] = [...getInfoDescription];
