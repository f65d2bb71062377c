import type { INodeProperties } from 'n8n-workflow';

/**
 * A sub-account of the credential's account, from getSubAccounts; an expression may give any
 * login. An operation that needs to say more spreads it and sets its own description.
 */
export function subAccountField(
	name: string,
	show: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Sub-Account Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSubAccounts' },
		required: true,
		default: '',
		displayOptions: show,
		description:
			'One of your sub-accounts (an expression gives its login). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}
