import type { INodeProperties } from 'n8n-workflow';

import { getAckBySmsIdDescription, getAckBySmsIdOperation } from './getAckBySmsId';
import { getAcksDescription, getAcksOperation } from './getAcks';

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
	options: [getAckBySmsIdOperation, getAcksOperation],
	default: 'getAcks',
};

export const deliveryReportFields: INodeProperties[] = [...getAcksDescription, ...getAckBySmsIdDescription];
