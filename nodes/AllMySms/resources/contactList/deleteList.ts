import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { listNameField, show, subAccountOption } from './common';

export const deleteListOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'deleteList',
	action: 'Delete a contact list',
	description: 'deleteList: deletes a contact list and all its contacts, for good',
	routing: apiRouting('deleteList'),
};

export const deleteListDescription: INodeProperties[] = [
	listNameField(['deleteList'], true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['deleteList']),
		options: [requestFormatOption, subAccountOption()],
	},
];
