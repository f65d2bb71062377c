import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { requestFormatOption } from '../../shared/descriptions';
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
async function oneItem(this: IExecuteSingleFunctions, items: INodeExecutionData[], _response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	if (items.length > 0) return items;
	return [{ json: { Login: String(this.getNodeParameter('subAccount', '')).trim() } }];
}

export const manageSubAccountCreditsOperation: INodePropertyOptions = {
	name: 'Manage Credits',
	value: 'manageSubAccountCredits',
	action: 'Give or take back sub-account credits',
	description:
		'manageSubAccountCredits: move credits from your account to a sub-account, or back with a negative amount; outputs the sub-account’s new credits and balance',
	routing: apiRoutingWith('manageSubAccountCredits', { before: [checkCredits], after: [oneItem] }),
};

const show = { show: { resource: ['subAccount'], operation: ['manageSubAccountCredits'] } };

export const manageSubAccountCreditsDescription: INodeProperties[] = [
	subAccountField('subAccount', 'The sub-account whose credits change', show),
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
		options: [requestFormatOption],
	},
];
