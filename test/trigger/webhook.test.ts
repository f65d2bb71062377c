import { sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { startTrigger } from '../helpers/trigger';
import type { TriggerHarness } from '../helpers/trigger';

/**
 * What the AllMySMS Trigger does with each call AllMySMS makes to it (manual 7.5, 14.3, 42.1),
 * through n8n's WebhookContext and a real run. The workflow is activated against the sandbox
 * first, so the URLs called are the ones AllMySMS was given.
 */

let account: TestAccount;
let trigger: TriggerHarness;

const DLR = {
	smsId: '3a355c83-2b83-11e8-a8ef-0025907cf72e',
	status: '1',
	statusText: 'Délivré',
	receptionDate: '2025-06-02 12:01:00',
	phoneNumber: '33611223344',
	campaignId: 'ebeljju7k5hb5f0n6',
};

const MO = {
	smsId: '3a355c83-2b83-11e8-a8ef-0025907cf72e',
	smsMoId: '32154',
	receptionDate: '2025-06-02 12:05:00',
	phoneNumber: '33611223344',
	campaignId: 'ebeljju7k5hb5f0n6',
	message: 'Oui, à demain ?',
};

async function activeTrigger(parameters: Record<string, unknown>) {
	trigger = await startTrigger({
		credentials: account.credentials,
		parameters: { events: ['dlr', 'mo'], ...parameters } as never,
	});
	expect(await trigger.activate()).toBe(true);
}

/** The URL AllMySMS was given for that type, as a path and query the test can call. */
function registeredQuery(type: 'dlr' | 'mo'): string {
	const url = account.sandbox.state.account(account.login).webhooks[type];
	expect(url.startsWith(trigger.webhookUrl())).toBe(true);
	return url.slice(trigger.webhookUrl().length + 1);
}

/** A call as AllMySMS makes it: to the registered URL, so carrying the secret the trigger made. */
function fromAllMySms(
	query: Record<string, string> | string,
	options?: { method?: 'GET' | 'POST'; form?: Record<string, string> },
) {
	const secret = String(trigger.staticData().allMySmsSecret ?? '');
	const signed =
		typeof query === 'string'
			? `${query}${query ? '&' : ''}secret=${encodeURIComponent(secret)}`
			: { ...query, secret };
	return trigger.call(signed, options);
}

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await trigger?.close();
	await account.sandbox.close();
});

describe('a delivery report', () => {
	test('is answered "OK" as plain text and emits one item in the contract shape', async () => {
		await activeTrigger({});
		const hit = await trigger.call(`${registeredQuery('dlr')}&${new URLSearchParams(DLR)}`);
		expect(hit).toEqual(
			expect.objectContaining({
				status: 200,
				body: 'OK',
				contentType: 'text/plain; charset=utf-8',
			}),
		);
		expect(hit.items?.map((item) => item.json)).toEqual([{ event: 'dlr', ...DLR, status: 1 }]);
		expect(hit.run?.finished).toBe(true);
	});

	test('gets its statusText from annex 3 when AllMySMS sends none', async () => {
		await activeTrigger({});
		const { statusText: _, ...withoutText } = DLR;
		const hit = await fromAllMySms({ event: 'dlr', ...withoutText, status: '5' });
		expect(hit.items?.[0].json).toEqual(
			expect.objectContaining({
				status: 5,
				statusText: 'SMS rejeté (probablement numéro inconnu/abonné absent)',
			}),
		);
	});

	test('is recognised by its fields on a URL set by hand (no event parameter)', async () => {
		await activeTrigger({});
		const hit = await fromAllMySms(DLR);
		expect(hit.items?.map((item) => item.json.event)).toEqual(['dlr']);
	});
});

describe('a reply', () => {
	test('is answered "OK" and emits one item in the contract shape', async () => {
		await activeTrigger({});
		const hit = await trigger.call(`${registeredQuery('mo')}&${new URLSearchParams(MO)}`);
		expect(hit.body).toBe('OK');
		expect(hit.items?.map((item) => item.json)).toEqual([{ event: 'mo', ...MO }]);
	});

	test('reads the reply id under the manual\'s spelling "smsMold" too', async () => {
		await activeTrigger({});
		const { smsMoId, ...rest } = MO;
		const hit = await fromAllMySms({ ...rest, smsMold: smsMoId });
		expect(hit.items?.[0].json).toEqual({ event: 'mo', ...MO });
	});

	test('keeps parameters the manual does not list, after the documented ones', async () => {
		await activeTrigger({});
		const hit = await fromAllMySms({ event: 'mo', ...MO, cliMsgId: 'order-42' });
		expect(Object.keys(hit.items?.[0].json ?? {})).toEqual([
			'event',
			'smsId',
			'smsMoId',
			'receptionDate',
			'phoneNumber',
			'campaignId',
			'message',
			'cliMsgId',
		]);
	});

	test('also arrives by POST (form body), in case AllMySMS posts', async () => {
		await activeTrigger({});
		const hit = await fromAllMySms('event=mo', { method: 'POST', form: MO });
		expect(hit.body).toBe('OK');
		expect(hit.items?.[0].json).toEqual({ event: 'mo', ...MO });
	});
});

describe('calls that start nothing', () => {
	test("AllMySMS's check of the URL (no event) is answered OK and starts no run", async () => {
		await activeTrigger({});
		const checks = trigger.hits.filter((hit) => hit.method === 'GET');
		expect(checks).toHaveLength(2); // one per configureWebhook: dlr and mo
		for (const check of checks)
			expect(check).toEqual(expect.objectContaining({ status: 200, body: 'OK', items: undefined }));
		expect((await fromAllMySms('')).items).toBeUndefined();
	});

	test('an event type not chosen in "Trigger On" is answered OK and dropped', async () => {
		await activeTrigger({ events: ['mo'] });
		const hit = await fromAllMySms({ event: 'dlr', ...DLR });
		expect(hit).toEqual(expect.objectContaining({ status: 200, body: 'OK', items: undefined }));
	});

	test('Delivery Statuses keeps only those statuses, and lets replies through', async () => {
		await activeTrigger({ options: { statuses: [2, 4, 5] } });
		const statuses = [];
		for (const status of ['1', '2', '3', '5']) {
			const hit = await fromAllMySms({ event: 'dlr', ...DLR, status });
			expect(hit.body).toBe('OK');
			statuses.push(...(hit.items ?? []).map((item) => item.json.status));
		}
		expect(statuses).toEqual([2, 5]);
		expect((await fromAllMySms({ event: 'mo', ...MO })).items).toHaveLength(1);
	});

	test('Campaign IDs keeps only events of those campaigns', async () => {
		await activeTrigger({ options: { campaignIds: 'ec05bf34e3ejakx,\n ebeljju7k5hb5f0n6' } });
		expect((await fromAllMySms({ event: 'mo', ...MO })).items).toHaveLength(1);
		const other = await fromAllMySms({ event: 'mo', ...MO, campaignId: 'zzzzzzzzzzzzzzz' });
		expect(other).toEqual(expect.objectContaining({ body: 'OK', items: undefined }));
	});
});

describe('the secret', () => {
	const SECRET = 's3cr&t/+=';

	test('is part of the URL registered with AllMySMS, and an event carrying it is emitted without it', async () => {
		await activeTrigger({ options: { secret: SECRET } });
		expect(registeredQuery('dlr')).toBe(`event=dlr&secret=${encodeURIComponent(SECRET)}`);
		const hit = await trigger.call(`${registeredQuery('dlr')}&${new URLSearchParams(DLR)}`);
		expect(hit.status).toBe(200);
		expect(hit.items?.[0].json).toEqual({ event: 'dlr', ...DLR, status: 1 });
	});

	test('a forged call without it, or with another, is answered 403 and emits nothing', async () => {
		await activeTrigger({ options: { secret: SECRET } });
		for (const query of [
			{ event: 'dlr', ...DLR },
			{ event: 'dlr', ...DLR, secret: 'guess' },
			{ event: 'dlr', ...DLR, secret: `${SECRET}x` },
		]) {
			const hit = await trigger.call(query);
			expect(hit).toEqual(
				expect.objectContaining({ status: 403, body: 'Forbidden', items: undefined }),
			);
		}
	});

	test('still matches when AllMySMS appends its parameters with "?" to the registered URL', async () => {
		await activeTrigger({ options: { secret: SECRET } });
		const hit = await trigger.call(`${registeredQuery('dlr')}?${new URLSearchParams(DLR)}`);
		expect(hit.status).toBe(200);
		expect(hit.items?.[0].json).toEqual({ event: 'dlr', ...DLR, status: 1 });
	});

	describe('when none is set', () => {
		test('activation makes an unguessable one, kept in the static data, and registers the URLs with it', async () => {
			await activeTrigger({});
			const secret = new URLSearchParams(registeredQuery('dlr')).get('secret') ?? '';
			expect(secret).toMatch(/^[\w-]{32}$/);
			expect(new URLSearchParams(registeredQuery('mo')).get('secret')).toBe(secret);
			expect(trigger.staticData().allMySmsSecret).toBe(secret);
			const hit = await trigger.call(`${registeredQuery('dlr')}&${new URLSearchParams(DLR)}`);
			expect(hit.items?.map((item) => item.json)).toEqual([{ event: 'dlr', ...DLR, status: 1 }]);
		});

		test('a forged call, by GET or POSTed to the setup webhook, is answered 403 and starts nothing', async () => {
			await activeTrigger({});
			const forged = [
				await trigger.call({ event: 'dlr', ...DLR }),
				await trigger.call({ event: 'dlr', ...DLR, secret: '' }),
				await trigger.call({ event: 'dlr', ...DLR, secret: 'guess' }),
				await trigger.call('event=mo', { method: 'POST', form: MO }),
				await trigger.call('', { method: 'POST', form: { event: 'dlr', ...DLR } }),
			];
			for (const hit of forged)
				expect(hit).toEqual(
					expect.objectContaining({
						status: 403,
						body: 'Forbidden',
						items: undefined,
						run: undefined,
					}),
				);
		});

		test('before n8n has saved the secret it made (AllMySMS checking the URL during activation), a call gets "OK" and starts nothing', async () => {
			await activeTrigger({});
			const query = `${registeredQuery('dlr')}&${new URLSearchParams(DLR)}`;
			delete trigger.staticData().allMySmsSecret;
			for (const hit of [await trigger.call(query), await trigger.call({ event: 'dlr', ...DLR })]) {
				expect(hit).toEqual(
					expect.objectContaining({ status: 200, body: 'OK', items: undefined, run: undefined }),
				);
			}
		});

		test('the same secret stays across a deactivation and an activation of the same workflow', async () => {
			await activeTrigger({});
			const first = trigger.staticData().allMySmsSecret;
			await trigger.deactivate();
			expect(await trigger.activate()).toBe(true);
			expect(trigger.staticData().allMySmsSecret).toBe(first);
			expect(new URLSearchParams(registeredQuery('dlr')).get('secret')).toBe(first);
		});
	});
});
