import { randomBytes } from 'node:crypto';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import type { AllMySmsCredentials } from './n8n';

export interface TestAccount {
	sandbox: Sandbox;
	login: string;
	apiKey: string;
	credentials: AllMySmsCredentials;
}

/** A fresh sandbox on a free port with one account whose key is easy to spot in any text. */
export async function sandboxWithAccount(
	options: { credits?: number; now?: () => Date } = {},
): Promise<TestAccount> {
	const sandbox = await startSandbox({ port: 0, now: options.now });
	const login = 'acme';
	const apiKey = `key-${randomBytes(12).toString('hex')}`;
	sandbox.state.createAccount({
		login,
		apiKey,
		credits: options.credits ?? 10_000,
		firstName: 'Ada',
		lastName: 'Lovelace',
		society: 'Acme',
		email: 'ada@example.com',
	});
	return { sandbox, login, apiKey, credentials: { login, apiKey, baseUrl: sandbox.baseUrl } };
}

/** The sandbox's record of requests made to one API method. */
export function requestsTo(sandbox: Sandbox, apiMethod: string) {
	return sandbox.requests.filter((request) => request.apiMethod === apiMethod);
}
