import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { listNameField, show, subAccountOption } from './common';

/** The routing of the getContacts operation (its option is in index.ts). */
export const getContactsRouting: INodePropertyRouting = apiRouting('getContacts');

export const getContactsDescription: INodeProperties[] = [
	listNameField(['getContacts'], true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getContacts']),
		options: [requestFormatOption, retriesOption, subAccountOption(), timeoutOption],
	},
];
