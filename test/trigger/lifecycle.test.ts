import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { startTrigger } from '../helpers/trigger';
import type { TriggerHarness } from '../helpers/trigger';

/**
 * The AllMySMS Trigger's registration against the sandbox (manual 41-43): activation points the
 * account's URLs at the workflow (the sandbox really calls them and wants "OK"), deactivation
 * puts back what was there before; and the sandbox's own pushes start runs.
 */

let account: TestAccount;
let trigger: TriggerHarness;
/** The URL the user had set in the AllMySMS manager: a server of theirs that answers OK. */
let manager: Server;
let managerUrl: string;

beforeEach(async () => {
	account = await sandboxWithAccount();
	manager = createServer((_request, response) => response.writeHead(200).end('OK'));
	await new Promise<void>((resolve) => manager.listen(0, '127.0.0.1', resolve));
	managerUrl = `http://127.0.0.1:${(manager.address() as AddressInfo).port}/crm/allmysms`;
});

afterEach(async () => {
	await account.sandbox.webhooks.settled();
	await trigger?.close();
	await account.sandbox.close();
	await new Promise<void>((resolve) => manager.close(() => resolve()));
});

const webhooksOf = (login: string) => account.sandbox.state.account(login).webhooks;

async function startWith(parameters: Record<string, unknown>, credentials = account.credentials) {
	trigger = await startTrigger({ credentials, parameters: parameters as never });
	return trigger;
}

/** The secret the trigger made at activation (no Secret option set): every registered URL carries it. */
function madeSecret(): string {
	return String(trigger.staticData().allMySmsSecret);
}

test('activation registers both URLs, each checked by AllMySMS, and checkExists then sees them', async () => {
	Object.assign(webhooksOf(account.login), { dlr: managerUrl, mo: '' });
	await startWith({ events: ['dlr', 'mo'] });
	expect(await trigger.hook('checkExists')).toBe(false);
	expect(await trigger.activate()).toBe(true);

	expect(webhooksOf(account.login)).toEqual({
		dlr: `${trigger.webhookUrl()}?event=dlr&secret=${madeSecret()}`,
		mo: `${trigger.webhookUrl()}?event=mo&secret=${madeSecret()}`,
	});
	expect(
		requestsTo(account.sandbox, 'configureWebhook').map((request) => request.form.type),
	).toEqual(['dlr', 'mo']);
	const checks = account.sandbox.webhooks.calls.filter((call) => call.kind === 'verification');
	expect(checks.map((call) => [call.url, call.ok])).toEqual([
		[`${trigger.webhookUrl()}?event=dlr&secret=${madeSecret()}`, true],
		[`${trigger.webhookUrl()}?event=mo&secret=${madeSecret()}`, true],
	]);
	expect(await trigger.hook('checkExists')).toBe(true);
	expect(trigger.staticData()).toEqual({
		allMySmsSecret: madeSecret(),
		allMySmsWebhooks: {
			dlr: {
				url: `${trigger.webhookUrl()}?event=dlr&secret=${madeSecret()}`,
				previousUrl: managerUrl,
			},
			mo: { url: `${trigger.webhookUrl()}?event=mo&secret=${madeSecret()}`, previousUrl: '' },
		},
	});
});

test('deactivation puts back the URL set before, and removes the one that had none', async () => {
	Object.assign(webhooksOf(account.login), { dlr: managerUrl, mo: '' });
	await startWith({ events: ['dlr', 'mo'] });
	await trigger.activate();
	await trigger.deactivate();

	expect(webhooksOf(account.login)).toEqual({ dlr: managerUrl, mo: '' });
	expect(requestsTo(account.sandbox, 'configureWebhook').at(-1)?.form).toEqual(
		expect.objectContaining({ type: 'dlr', url: managerUrl }),
	);
	expect(requestsTo(account.sandbox, 'deleteWebhook').map((request) => request.form.type)).toEqual([
		'mo',
	]);
	expect(trigger.staticData()).toEqual({
		allMySmsWebhooks: {},
		allMySmsSecret: expect.any(String),
	});
	expect(await trigger.hook('checkExists')).toBe(false);
});

test('only the chosen event types are registered; the other URL is not touched', async () => {
	Object.assign(webhooksOf(account.login), { dlr: managerUrl, mo: '' });
	await startWith({ events: ['mo'] });
	await trigger.activate();
	expect(webhooksOf(account.login)).toEqual({
		dlr: managerUrl,
		mo: `${trigger.webhookUrl()}?event=mo&secret=${madeSecret()}`,
	});
	await trigger.deactivate();
	expect(webhooksOf(account.login)).toEqual({ dlr: managerUrl, mo: '' });
	expect(
		requestsTo(account.sandbox, 'configureWebhook').map((request) => request.form.type),
	).toEqual(['mo']);
});

test('after an n8n restart the URLs are found in place: nothing is configured again, the remembered URL survives', async () => {
	webhooksOf(account.login).dlr = managerUrl;
	await startWith({ events: ['dlr'] });
	await trigger.activate();
	expect(await trigger.activate()).toBe(false); // checkExists said true: no create
	expect(requestsTo(account.sandbox, 'configureWebhook')).toHaveLength(1);
	await trigger.deactivate();
	expect(webhooksOf(account.login).dlr).toBe(managerUrl);
});

test('a new secret re-registers the URL and still remembers the URL from before the first activation', async () => {
	webhooksOf(account.login).dlr = managerUrl;
	await startWith({ events: ['dlr'], options: { secret: 'first' } });
	await trigger.activate();
	trigger.node.parameters.options = { secret: 'second' };
	trigger.workflow.getNode(trigger.node.name)!.parameters.options = { secret: 'second' };
	expect(await trigger.activate()).toBe(true);
	expect(webhooksOf(account.login).dlr).toBe(`${trigger.webhookUrl()}?event=dlr&secret=second`);
	await trigger.deactivate();
	expect(webhooksOf(account.login).dlr).toBe(managerUrl);
});

test('deactivation leaves alone a URL someone set in the meantime', async () => {
	await startWith({ events: ['dlr'] });
	await trigger.activate();
	webhooksOf(account.login).dlr = 'https://example.com/someone-else';
	await trigger.deactivate();
	expect(webhooksOf(account.login).dlr).toBe('https://example.com/someone-else');
	expect(requestsTo(account.sandbox, 'deleteWebhook')).toEqual([]);
});

test('when the previous URL no longer answers, deactivation removes the webhook and says which URL to set again', async () => {
	webhooksOf(account.login).mo = managerUrl;
	await startWith({ events: ['mo'] });
	await trigger.activate();
	await new Promise<void>((resolve) => manager.close(() => resolve()));
	manager = createServer();
	await expect(trigger.deactivate()).rejects.toThrow(
		new RegExp(
			`^AllMySMS webhooks: the previous reply URL ${managerUrl} could not be put back \\(The URL must answer "OK".*; the webhook was removed instead$`,
		),
	);
	expect(webhooksOf(account.login).mo).toBe('');
});

test('activation fails with the reason when AllMySMS cannot reach n8n, registers nothing, and shows no secret', async () => {
	webhooksOf(account.login).dlr = managerUrl;
	await startWith({ events: ['dlr'], options: { secret: 'top-secret-value' } });
	// The webhook is not routable (n8n would answer 404): AllMySMS's check fails.
	const error = await trigger.hook('create').then(
		() => undefined,
		(reason: Error & { description?: string }) => reason,
	);
	expect(error?.message).toMatch(
		/^AllMySMS refused the delivery report URL: The URL must answer "OK" within 5 seconds: .*answered HTTP 404/,
	);
	expect(error?.description).toMatch(/this n8n must be reachable from the internet/);
	expect(`${error?.message} ${error?.description}`).not.toContain('top-secret-value');
	expect(webhooksOf(account.login).dlr).toBe(managerUrl);
});

test("sub-account credentials register the sub-account's webhooks, not the master's", async () => {
	account.sandbox.state.createAccount({
		login: 'acme_shop',
		apiKey: 'sub-key',
		credits: 100,
		subAccountOf: account.login,
	});
	webhooksOf('acme_shop').mo = managerUrl;
	await startWith({ events: ['mo'] }, { ...account.credentials, subAccount: 'acme_shop' });
	await trigger.activate();
	expect(webhooksOf('acme_shop').mo).toBe(
		`${trigger.webhookUrl()}?event=mo&secret=${madeSecret()}`,
	);
	expect(webhooksOf(account.login).mo).toBe('');
	expect(
		requestsTo(account.sandbox, 'configureWebhook').every(
			(request) => request.headers['allmysms-subaccount'] === 'acme_shop',
		),
	).toBe(true);
	await trigger.deactivate();
	expect(webhooksOf('acme_shop').mo).toBe(managerUrl);
});

test('listening for a test event registers the test URL, then puts back the production one after the first event', async () => {
	await startWith({ events: ['mo'] });
	await trigger.activate();
	await trigger.listen();
	// The test workflow makes a secret of its own.
	const testUrl = webhooksOf(account.login).mo;
	expect(testUrl.startsWith(`${trigger.webhookUrl(true)}?event=mo&secret=`)).toBe(true);
	expect(new URL(testUrl).searchParams.get('secret')).toMatch(/^[\w-]{32}$/);

	const [campaign] = account.sandbox.state.seedCampaigns(account.login, 1);
	account.sandbox.state.addReply(campaign.smsIds[0], 'test reply');
	await account.sandbox.webhooks.settled();
	await trigger.settled();

	const hit = trigger.hits.find((candidate) => candidate.items !== undefined);
	expect(hit?.test).toBe(true);
	expect(hit?.items?.[0].json).toEqual(
		expect.objectContaining({ event: 'mo', message: 'test reply' }),
	);
	expect(webhooksOf(account.login).mo).toBe(
		`${trigger.webhookUrl()}?event=mo&secret=${madeSecret()}`,
	);
});

describe("the sandbox's own pushes start runs", () => {
	test('a delivery report of an SMS sent from the account', async () => {
		await startWith({ events: ['dlr', 'mo'] });
		await trigger.activate();
		const [campaign] = account.sandbox.state.seedCampaigns(account.login, 1, {
			phoneNumbers: ['33611223344'],
		});
		account.sandbox.state.deliverAck(campaign.smsIds[0], 1);
		await account.sandbox.webhooks.settled();
		await trigger.settled();

		const runs = trigger.hits.filter((hit) => hit.items !== undefined);
		expect(runs).toHaveLength(1);
		expect(runs[0].items?.map((item) => item.json)).toEqual([
			{
				event: 'dlr',
				smsId: campaign.smsIds[0],
				status: 1,
				statusText: 'Délivré',
				receptionDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
				phoneNumber: '33611223344',
				campaignId: campaign.id,
			},
		]);
		expect(account.sandbox.webhooks.calls.at(-1)).toEqual(
			expect.objectContaining({ kind: 'dlr', ok: true, httpStatus: 200, body: 'OK' }),
		);
	});

	test('a reply, through the control API, with a secret', async () => {
		await startWith({ events: ['mo'], options: { secret: 'n8n-only' } });
		await trigger.activate();
		const [campaign] = account.sandbox.state.seedCampaigns(account.login, 1);
		const response = await fetch(
			`${account.sandbox.url}/_sandbox/sms/${campaign.smsIds[0]}/replies`,
			{
				method: 'POST',
				body: JSON.stringify({ message: 'Je confirme' }),
			},
		);
		expect(response.status).toBe(201);
		await account.sandbox.webhooks.settled();
		await trigger.settled();
		const run = trigger.hits.find((hit) => hit.items !== undefined);
		expect(run?.url).toContain('secret=n8n-only');
		expect(run?.items?.[0].json).toEqual(
			expect.objectContaining({
				event: 'mo',
				smsId: campaign.smsIds[0],
				campaignId: campaign.id,
				message: 'Je confirme',
			}),
		);
		expect(run?.items?.[0].json).not.toHaveProperty('secret');
	});
});
