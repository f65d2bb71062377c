import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { readSmsId, smsIdField } from '../campaign/common';

const show = showFor('reply', ['getPullBySmsId']);

/** getPullBySmsId (16): the replies to one SMS. */
export const getPullBySmsId: ItemOperation = {
	method: 'getPullBySmsId',
	request: (input) => ({ params: { smsId: readSmsId(input) } }),
};

export const getPullBySmsIdDescription: INodeProperties[] = [
	smsIdField(show),
	requestOptions(show),
];
