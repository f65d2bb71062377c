import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { readSmsId, smsIdField } from '../campaign/common';

const show = showFor('deliveryReport', ['getAckBySmsId']);

/** getAckBySmsId (10): the delivery report of one SMS. */
export const getAckBySmsId: ItemOperation = {
	method: 'getAckBySmsId',
	request: (input) => ({ params: { smsId: readSmsId(input) } }),
};

export const getAckBySmsIdDescription: INodeProperties[] = [smsIdField(show), requestOptions(show)];
