import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
import { apiRouting } from '../../shared/transport';
import { smsIdField } from '../campaign/common';

const show = { resource: ['deliveryReport'], operation: ['getAckBySmsId'] };

export const getAckBySmsIdOperation: INodePropertyOptions = {
	name: 'Get by SMS ID',
	value: 'getAckBySmsId',
	action: 'Get the delivery report of an SMS',
	description: 'getAckBySmsId: the delivery report of one SMS: phone number, status, comment and date',
	routing: apiRouting('getAckBySmsId'),
};

export const getAckBySmsIdDescription: INodeProperties[] = [
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
