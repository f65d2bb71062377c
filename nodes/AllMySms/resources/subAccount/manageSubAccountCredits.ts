import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { answerItems } from '../../shared/answers';
import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';
import { subAccountField } from './subAccountField';

function readCredits(input: ItemInput): string {
	const raw = input.value('credits', 0);
	const credits = Number(raw);
	if (!Number.isFinite(credits) || credits === 0) {
		throw input.invalid(
			'Credits',
			`${String(raw)} moves nothing: a positive number gives credits to the sub-account, a negative one takes them back`,
		);
	}
	return String(credits);
}

/**
 * One item with the sub-account's new figures. The answer lists one `subAccount`; should it
 * come without it (a bare "OK"), the item still says which sub-account was credited.
 */
function oneItem(answer: IDataObject, input: ItemInput): INodeExecutionData[] {
	const items = answerItems('manageSubAccountCredits', answer);
	return (items.length > 0 ? items : [{ Login: input.text('subAccount') }]).map((json) => ({
		json,
	}));
}

/** manageSubAccountCredits (24): credits given to, or taken back from, a sub-account. */
export const manageSubAccountCredits: ItemOperation = {
	method: 'manageSubAccountCredits',
	request: (input) => ({
		params: { subAccount: input.text('subAccount'), credits: readCredits(input) },
	}),
	output: oneItem,
};

const show = showFor('subAccount', ['manageSubAccountCredits']);

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
	},
	requestOptions(show),
];
