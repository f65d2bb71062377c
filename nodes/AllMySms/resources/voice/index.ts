import type { INodeProperties } from 'n8n-workflow';

export const voiceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['voice'] } },
	options: [],
	default: '',
};

export const voiceFields: INodeProperties[] = [];

/** Voice sends check every item before the first request, like SMS sends. */
export const voiceCustomOperations = {};
