import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runAllMySmsNode } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

/** Webhook resource: getWebhook, configureWebhook, deleteWebhook (manual 41-43). */

let account: TestAccount;
let endpoint: Server;
let endpointUrl: string;
let endpointAnswer = 'OK';

beforeEach(async () => {
	account = await sandboxWithAccount();
	endpointAnswer = 'OK';
	endpoint = createServer((_request, response) =>
		response.writeHead(200, { 'Content-Type': 'text/plain' }).end(endpointAnswer),
	);
	await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
	endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/allmysms`;
});

afterEach(async () => {
	await account.sandbox.close();
	await new Promise<void>((resolve) => endpoint.close(() => resolve()));
});

const webhooksOf = (login: string) => account.sandbox.state.account(login).webhooks;

describe('Webhook › Get (getWebhook)', () => {
	test('outputs both URLs of the account', async () => {
		webhooksOf(account.login).dlr = 'https://example.com/dlr';
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'webhook', operation: 'getWebhook' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ webhookDlr: 'https://example.com/dlr', webhookMo: '' },
		]);
	});

	test('gives the same item from an XML answer', async () => {
		webhooksOf(account.login).mo = 'https://example.com/mo?x=1&y=2';
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'webhook',
				operation: 'getWebhook',
				options: { requestFormat: 'xml' },
			},
		});
		expect(requestsTo(account.sandbox, 'getWebhook')[0].answer.contentType).toContain('xml');
		expect(items.map((item) => item.json)).toEqual([
			{ webhookDlr: '', webhookMo: 'https://example.com/mo?x=1&y=2' },
		]);
	});
});

describe('Webhook › Configure (configureWebhook)', () => {
	test('sends the type and the trimmed URL; AllMySMS checks the URL and keeps it', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'webhook',
				operation: 'configureWebhook',
				type: 'mo',
				url: `  ${endpointUrl}\n`,
			},
		});
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'configureWebhook')[0].form).toEqual({
			login: account.login,
			apiKey: account.apiKey,
			returnformat: 'json',
			type: 'mo',
			url: endpointUrl,
		});
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: 'Webhook successfully configured' },
		]);
		expect(webhooksOf(account.login)).toEqual({ dlr: '', mo: endpointUrl });
	});

	test("fails with AllMySMS's reason when the URL does not answer OK", async () => {
		endpointAnswer = 'Welcome!';
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'webhook',
				operation: 'configureWebhook',
				type: 'dlr',
				url: endpointUrl,
			},
		});
		expect(error?.message).toMatch(
			/^AllMySMS: The URL must answer "OK" within 5 seconds: .* instead of "OK" \(status 0\)$/,
		);
		expect(webhooksOf(account.login).dlr).toBe('');
	});

	test('refuses a URL that is not http(s) before any request', async () => {
		const { error, items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{}, {}],
			continueOnFail: true,
			parameters: {
				resource: 'webhook',
				operation: 'configureWebhook',
				type: 'dlr',
				url: '={{ $itemIndex === 0 ? "example.com/hook" : "" }}',
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.error)).toEqual([
			'Invalid "URL" in item 0: "example.com/hook" is not an http:// or https:// URL',
			'Invalid "URL" in item 1: it is empty',
		]);
		expect(requestsTo(account.sandbox, 'configureWebhook')).toEqual([]);
	});

	test("a sub-account credential configures the sub-account's URL", async () => {
		account.sandbox.state.createAccount({
			login: 'acme_shop',
			apiKey: 'sub-key',
			credits: 10,
			subAccountOf: account.login,
		});
		await runAllMySmsNode({
			credentials: { ...account.credentials, subAccount: 'acme_shop' },
			parameters: {
				resource: 'webhook',
				operation: 'configureWebhook',
				type: 'dlr',
				url: endpointUrl,
			},
		});
		expect(requestsTo(account.sandbox, 'configureWebhook')[0].headers['allmysms-subaccount']).toBe(
			'acme_shop',
		);
		expect(webhooksOf('acme_shop').dlr).toBe(endpointUrl);
		expect(webhooksOf(account.login).dlr).toBe('');
	});
});

describe('Webhook › Delete (deleteWebhook)', () => {
	test('removes the URL of the chosen type only', async () => {
		Object.assign(webhooksOf(account.login), {
			dlr: 'https://example.com/dlr',
			mo: 'https://example.com/mo',
		});
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'webhook',
				operation: 'deleteWebhook',
				type: 'dlr',
				options: { requestFormat: 'xml' },
			},
		});
		expect(requestsTo(account.sandbox, 'deleteWebhook')[0].form).toEqual(
			expect.objectContaining({ type: 'dlr', returnformat: 'xml' }),
		);
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: 'Webhook successfully deleted' },
		]);
		expect(webhooksOf(account.login)).toEqual({ dlr: '', mo: 'https://example.com/mo' });
	});
});
