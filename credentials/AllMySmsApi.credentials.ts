import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.allmysms.com/http/9.0';
export const SUB_ACCOUNT_HEADER = 'Allmysms-Subaccount';

export class AllMySmsApi implements ICredentialType {
	name = 'allMySmsApi';

	displayName = 'AllMySMS API';

	icon: Icon = { light: 'file:allMySms.svg', dark: 'file:allMySms.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-allmysms/n8n-nodes-allmysms#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: 'The login of your AllMySMS account',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Found in the AllMySMS manager under API > API key & settings',
		},
		{
			displayName: 'Sub-account',
			name: 'subAccount',
			type: 'string',
			default: '',
			description:
				'Login of one of your sub-accounts. When set, every request acts as that sub-account (its credits, campaigns and webhooks).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change only to reach AllMySMS through a proxy or to use a local sandbox that speaks the same API',
		},
	];

	// Login and key travel as POST form fields, never in the URL: the manual limits GET to
	// 1024 characters, and keys in URLs end up in proxy logs. A function rather than the
	// generic form so that the sub-account header is only sent when a sub-account is set.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as Record<string, unknown>;
		const headers: Record<string, string> = { ...(requestOptions.headers as Record<string, string>) };
		const subAccount = String(credentials.subAccount ?? '').trim();
		if (subAccount) headers[SUB_ACCOUNT_HEADER] = subAccount;
		return {
			...requestOptions,
			headers,
			body: { ...body, login: String(credentials.login ?? '').trim(), apiKey: String(credentials.apiKey ?? '') },
		};
	}
}
