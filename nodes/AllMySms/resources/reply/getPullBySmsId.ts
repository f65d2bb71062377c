import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { smsIdField } from '../campaign/common';

const show = { resource: ['reply'], operation: ['getPullBySmsId'] };

export const getPullBySmsIdOperation: INodePropertyOptions = {
	name: 'Get by SMS ID',
	value: 'getPullBySmsId',
	action: 'Get the reply to an SMS',
	description: 'getPullBySmsId: the reply (SMS-MO) to one SMS: phone number, campaign ID, message and date',
	routing: apiRouting('getPullBySmsId'),
};

export const getPullBySmsIdDescription: INodeProperties[] = [
	smsIdField(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [requestFormatOption],
	},
];
