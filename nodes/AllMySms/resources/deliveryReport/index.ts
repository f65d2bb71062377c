import type { INodeProperties } from 'n8n-workflow';

import { getAckBySmsIdDescription, getAckBySmsIdRouting } from './getAckBySmsId';
import { getAcksDescription, getAcksRouting } from './getAcks';

/**
 * Delivery reports (manual sections 9-10). Operators may update a report up to 72 hours after
 * the send; for real-time reports the AllMySMS Trigger (webhook) is the better tool.
 */
export const deliveryReportOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['deliveryReport'] } },
	options: [
		{
			name: 'Get by SMS ID',
			value: 'getAckBySmsId',
			action: 'Get the delivery report of an SMS',
			description: 'Get the delivery report of one SMS: phone number, status, comment and date',
			routing: getAckBySmsIdRouting,
		},
		{
			name: 'Get Many by Campaign',
			value: 'getAcks',
			action: 'Get the delivery reports of a campaign',
			description: 'Get the delivery reports of the SMS of a campaign, each with its status (delivered, not delivered, sent to the operator, rejected, unknown number)',
			routing: getAcksRouting,
		},
	],
	default: 'getAcks',
};

export const deliveryReportFields: INodeProperties[] = [...getAcksDescription, ...getAckBySmsIdDescription];
