import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { show, subAccountOption } from './common';

/** The routing of the getLists operation (its option is in index.ts). */
export const getListsRouting: INodePropertyRouting = apiRouting('getLists');

export const getListsDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getLists']),
		options: [requestFormatOption, retriesOption, subAccountOption(), timeoutOption],
	},
];
