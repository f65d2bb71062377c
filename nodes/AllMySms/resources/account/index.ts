import type { INodeProperties } from 'n8n-workflow';

import { getCreditsByCountryIsoCodeDescription, getCreditsByCountryIsoCodeOperation } from './getCreditsByCountryIsoCode';
import { getInfoDescription, getInfoOperation } from './getInfo';
import { getPricesDescription, getPricesOperation } from './getPrices';

export const accountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [getCreditsByCountryIsoCodeOperation, getInfoOperation, getPricesOperation],
	default: 'getInfo',
};

export const accountFields: INodeProperties[] = [
	...getInfoDescription,
	...getCreditsByCountryIsoCodeDescription,
	...getPricesDescription,
];
