import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { listNameField, show, subAccountOption } from './common';

/** The routing of the deleteList operation (its option is in index.ts). */
export const deleteListRouting: INodePropertyRouting = apiRouting('deleteList');

export const deleteListDescription: INodeProperties[] = [
	listNameField(['deleteList'], true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['deleteList']),
		options: [requestFormatOption, retriesOption, subAccountOption(), timeoutOption],
	},
];
