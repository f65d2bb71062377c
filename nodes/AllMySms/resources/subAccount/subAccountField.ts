import type { INodeProperties } from 'n8n-workflow';

const DYNAMIC_OPTIONS_HINT = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** A sub-account of the credential's account, from getSubAccounts; an expression may give any login. */
export function subAccountField(name: string, purpose: string, show: INodeProperties['displayOptions'], note = ''): INodeProperties {
	return {
		displayName: 'Sub-Account Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSubAccounts' },
		required: true,
		default: '',
		displayOptions: show,
		description: `${purpose} (an expression gives its login). ${note ? `${note} ` : ''}${DYNAMIC_OPTIONS_HINT}`,
		routing: { send: { type: 'body', property: name, value: '={{ String($value ?? "").trim() }}' } },
	};
}
