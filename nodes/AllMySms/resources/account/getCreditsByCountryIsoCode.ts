import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { checkCountry, countryField } from './country';

/** The routing of the getCreditsByCountryIsoCode operation (its option is in index.ts). */
export const getCreditsByCountryIsoCodeRouting: INodePropertyRouting = apiRoutingWith('getCreditsByCountryIsoCode', { before: [checkCountry] });

const show = { show: { resource: ['account'], operation: ['getCreditsByCountryIsoCode'] } };

export const getCreditsByCountryIsoCodeDescription: INodeProperties[] = [
	countryField({ required: true, displayOptions: show }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
