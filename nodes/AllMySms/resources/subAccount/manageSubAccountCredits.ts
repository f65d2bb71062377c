import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith, invalidInput } from '../../shared/operationRouting';
import { subAccountField } from './subAccountField';

async function checkCredits(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const credits = Number(body.credits);
	if (!Number.isFinite(credits) || credits === 0) {
		throw invalidInput(
			this,
			'Credits',
			`${String(body.credits)} moves nothing: a positive number gives credits to the sub-account, a negative one takes them back`,
		);
	}
	body.credits = String(credits);
	return requestOptions;
}

/**
 * One item with the sub-account's new figures. The answer lists one `subAccount`; should it
 * come without it (a bare "OK"), the item still says which sub-account was credited.
 */
async function oneItem(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (items.length > 0) return items;
	return [{ json: { Login: String(this.getNodeParameter('subAccount', '')).trim() } }];
}

/** The routing of the manageSubAccountCredits operation (its option is in index.ts). */
export const manageSubAccountCreditsRouting: INodePropertyRouting = apiRoutingWith('manageSubAccountCredits', { before: [checkCredits], after: [oneItem] });

const show = { show: { resource: ['subAccount'], operation: ['manageSubAccountCredits'] } };

export const manageSubAccountCreditsDescription: INodeProperties[] = [
	{
		...subAccountField('subAccount', show),
		description:
			'The sub-account whose credits change (an expression gives its login). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Credits',
		name: 'credits',
		type: 'number',
		required: true,
		default: 0,
		displayOptions: show,
		description:
			'Credits to move. Positive: taken from your account and given to the sub-account. Negative (for example -200): taken back from the sub-account to your account.',
		routing: { send: { type: 'body', property: 'credits' } },
	},
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
