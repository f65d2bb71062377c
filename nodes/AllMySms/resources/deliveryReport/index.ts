import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';

import type { Resource } from '../../shared/operation';
import { getAckBySmsId, getAckBySmsIdDescription } from './getAckBySmsId';
import { getAcks, getAcksDescription } from './getAcks';

/**
 * Delivery reports (manual sections 9-10). Operators may update a report up to 72 hours after
 * the send; for real-time reports the AllMySMS Trigger (webhook) is the better tool.
 */
const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showFor('deliveryReport'),
	options: [
		{
			name: 'Get by SMS ID',
			value: 'getAckBySmsId',
			action: 'Get the delivery report of an SMS',
			description: 'Get the delivery report of one SMS: phone number, status, comment and date',
		},
		{
			name: 'Get Many by Campaign',
			value: 'getAcks',
			action: 'Get the delivery reports of a campaign',
			description:
				'Get the delivery reports of the SMS of a campaign, each with its status (delivered, not delivered, sent to the operator, rejected, unknown number)',
		},
	],
	default: 'getAcks',
};

const fields: INodeProperties[] = [...getAcksDescription, ...getAckBySmsIdDescription];

export const deliveryReport: Resource = {
	picker,
	fields,
	operations: { getAckBySmsId, getAcks },
};
