import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

/** getBlacklist (18): the blacklisted numbers, of the account, a sub-account or a campaign. */
export const getBlacklist: ItemOperation = {
	method: 'getBlacklist',
	request: (input) => ({
		params: {
			campaignId: input.optionText('campaignId'),
			subAccount: input.optionText('subAccount'),
		},
	}),
};

export const getBlacklistDescription: INodeProperties[] = [
	requestOptions(showFor('blacklist', ['getBlacklist']), [
		{
			displayName: 'Campaign ID',
			name: 'campaignId',
			type: 'string',
			default: '',
			description:
				'Only the numbers blacklisted because of this campaign (its STOP answers and unreachable numbers)',
		},
		{
			displayName: 'Sub-Account Name or ID',
			name: 'subAccount',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSubAccounts' },
			default: '',
			description:
				'The blacklist of this sub-account instead of your own (manual 18.1); an expression gives its login. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];
