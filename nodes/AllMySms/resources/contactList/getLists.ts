import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { show, subAccountOption } from './common';

export const getListsOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getLists',
	action: 'Get many contact lists',
	description: 'getLists: one item per contact list, with its number of contacts, whether it is locked and its creation date',
	routing: apiRouting('getLists'),
};

export const getListsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getLists']),
		options: [requestFormatOption, subAccountOption()],
	},
];
