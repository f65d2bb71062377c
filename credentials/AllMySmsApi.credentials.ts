import type {
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.allmysms.com/http/9.0';
export const SUB_ACCOUNT_HEADER = 'Allmysms-Subaccount';
/** The credential's base URL as an n8n expression, without trailing slashes. */
export const BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`;

/** Annex 2, status 102: AllMySMS's own words when no account matches the login and API key. */
export const AUTH_FAILED_REASON =
	'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés';

/** What a failed test says first: our fields' names, plain English; then AllMySMS's own words. */
const WRONG_LOGIN_OR_KEY = `Wrong Login or API Key: no AllMySMS account matches them (AllMySMS says: "${AUTH_FAILED_REASON}"; its "clientcode" is the Login)`;

/**
 * How n8n judges the credential test's answer: each rule whose `key` holds `value` fails the
 * test with its `message`. getInfo answers a wrong key with AllMySMS's reason in `error` (or
 * as status 102), and any other refusal without the account `status` it sends on success.
 */
const CREDENTIAL_TEST_RULES: IAuthenticateRuleResponseSuccessBody[] = [
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error',
			value: AUTH_FAILED_REASON,
			message: WRONG_LOGIN_OR_KEY,
		},
	},
	{
		type: 'responseSuccessBody',
		properties: { key: 'status', value: 102, message: WRONG_LOGIN_OR_KEY },
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'status',
			value: undefined,
			message:
				"AllMySMS did not return the account: check the Login, the API Key, the Sub-account (it must be one of this account's) and the Base URL",
		},
	},
];

export class AllMySmsApi implements ICredentialType {
	name = 'allMySmsApi';

	displayName = 'AllMySMS API';

	icon: Icon = { light: 'file:../icons/allMySms.svg', dark: 'file:../icons/allMySms.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-allmysms/n8n-nodes-allmysms/blob/main/docs/credentials.md';

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
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string>),
		};
		const subAccount = String(credentials.subAccount ?? '').trim();
		if (subAccount) headers[SUB_ACCOUNT_HEADER] = subAccount;
		return {
			...requestOptions,
			headers,
			body: {
				...body,
				login: String(credentials.login ?? '').trim(),
				apiKey: String(credentials.apiKey ?? ''),
			},
		};
	}

	// The credential test: getInfo (manual section 17), built and authenticated like every other
	// request (form fields, sub-account header), answered in JSON.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: BASE_URL_EXPRESSION,
			url: '/getInfo/',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: { returnformat: 'json' },
		},
		rules: CREDENTIAL_TEST_RULES,
	};
}
