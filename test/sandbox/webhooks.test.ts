import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { API_KEY, LOGIN, parseXml, post, startTestSandbox, type TestSandbox } from './helpers';

/** A client's webhook endpoint: records each call and answers what `reply` says. */
interface Endpoint {
	url: string;
	calls: { method: string; path: string; query: Record<string, string>; userAgent: string }[];
	close(): Promise<void>;
}

async function endpoint(
	reply: () => { status?: number; body: string; delayMs?: number } = () => ({ body: 'OK' }),
): Promise<Endpoint> {
	const calls: Endpoint['calls'] = [];
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		calls.push({
			method: request.method ?? '',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			userAgent: String(request.headers['user-agent']),
		});
		const { status = 200, body, delayMs = 0 } = reply();
		const timer = setTimeout(() => {
			if (!response.destroyed)
				response.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);
		}, delayMs);
		response.on('close', () => clearTimeout(timer));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		calls,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

describe('webhooks (sections 41-43, 7.5, 14.3)', () => {
	let t: TestSandbox;
	let client: Endpoint;
	const auth = { login: LOGIN, apiKey: API_KEY };

	beforeEach(async () => {
		t = await startTestSandbox();
		client = await endpoint();
	});
	afterEach(async () => {
		await t.sandbox.webhooks.settled();
		await t.sandbox.close();
		await client.close();
	});

	/** An SMS sent by `login` (jdoe or its sub-account), handed to the operator. */
	const sentSms = (login = LOGIN) => {
		const [campaign] = t.sandbox.state.seedCampaigns(login, 1, { phoneNumbers: ['33611223344'] });
		return { campaignId: campaign.id, smsId: campaign.smsIds[0] };
	};

	describe('getWebhook', () => {
		it('answers both URLs, empty when none is set, shaped like 41.2 in JSON and XML', async () => {
			expect((await post(t.sandbox, '/getWebhook/', auth)).json).toEqual({
				webhookDlr: '',
				webhookMo: '',
			});
			t.sandbox.state.account(LOGIN).webhooks.mo = 'https://example.com/mo';
			const xml = await post(t.sandbox, '/getWebhook/', { ...auth, returnformat: 'xml' });
			expect(xml.text).toContain('<getWebhook>');
			expect(parseXml(xml.text).getWebhook).toEqual({
				webhookDlr: '',
				webhookMo: 'https://example.com/mo',
			});
		});

		it('refuses a wrong key with the read-method shape {error}', async () => {
			expect((await post(t.sandbox, '/getWebhook/', { login: LOGIN, apiKey: 'bad' })).json).toEqual(
				{
					error:
						'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
				},
			);
		});
	});

	describe('configureWebhook', () => {
		it('calls the URL first (GET, no parameters) and keeps it when it answers OK', async () => {
			const answer = await post(t.sandbox, '/configureWebhook/', {
				...auth,
				type: 'dlr',
				url: `${client.url}/dlr?token=abc`,
			});
			expect(answer.json).toEqual({ status: '1', statusText: 'Webhook successfully configured' });
			expect(client.calls).toEqual([
				{
					method: 'GET',
					path: '/dlr',
					query: { token: 'abc' },
					userAgent: expect.stringContaining('AllMySMS'),
				},
			]);
			expect(t.sandbox.state.account(LOGIN).webhooks).toEqual({
				dlr: `${client.url}/dlr?token=abc`,
				mo: '',
			});
			expect(t.sandbox.webhooks.calls).toEqual([
				expect.objectContaining({ kind: 'verification', login: LOGIN, httpStatus: 200, ok: true }),
			]);
		});

		it('answers XML with its root element', async () => {
			const answer = await post(t.sandbox, '/configureWebhook/', {
				...auth,
				type: 'mo',
				url: client.url,
				returnformat: 'xml',
			});
			expect(parseXml(answer.text).configureWebhook).toEqual({
				status: '1',
				statusText: 'Webhook successfully configured',
			});
		});

		it.each([
			[
				'an answer other than OK',
				{ status: 200, body: 'Hello' },
				/answered HTTP 200 "Hello" instead of "OK"/,
			],
			['an error status', { status: 500, body: 'OK' }, /answered HTTP 500/],
		])('fails with status 0 on %s and keeps the previous URL', async (_case, reply, text) => {
			const refusing = await endpoint(() => reply);
			t.sandbox.state.account(LOGIN).webhooks.dlr = 'https://example.com/previous';
			const answer = await post(t.sandbox, '/configureWebhook/', {
				...auth,
				type: 'dlr',
				url: refusing.url,
			});
			await refusing.close();
			expect(answer.json.status).toBe('0');
			expect(answer.json.statusText).toMatch(text);
			expect(t.sandbox.state.account(LOGIN).webhooks.dlr).toBe('https://example.com/previous');
		});

		it('fails when the URL does not answer within the time limit (5 s, lowered here)', async () => {
			t.sandbox.webhooks.answerTimeoutMs = 200;
			const slow = await endpoint(() => ({ body: 'OK', delayMs: 1000 }));
			const answer = await post(t.sandbox, '/configureWebhook/', {
				...auth,
				type: 'mo',
				url: slow.url,
			});
			await slow.close();
			expect(answer.json).toEqual({
				status: '0',
				statusText: expect.stringContaining('no answer within 0.2 seconds'),
			});
			expect(t.sandbox.state.account(LOGIN).webhooks.mo).toBe('');
		});

		it('accepts "OK" with blanks around it, and a server that cannot be reached fails', async () => {
			const spaced = await endpoint(() => ({ body: ' OK\n' }));
			expect(
				(await post(t.sandbox, '/configureWebhook/', { ...auth, type: 'dlr', url: spaced.url }))
					.json.status,
			).toBe('1');
			await spaced.close();
			const unreachable = await post(t.sandbox, '/configureWebhook/', {
				...auth,
				type: 'mo',
				url: spaced.url,
			});
			expect(unreachable.json).toEqual({
				status: '0',
				statusText: expect.stringContaining('could not be reached'),
			});
		});

		it.each([
			[{ type: 'sms', url: 'https://example.com' }, 'Invalid webhook type: dlr or mo expected'],
			[{ url: 'https://example.com' }, 'Invalid webhook type: dlr or mo expected'],
			[{ type: 'dlr' }, 'Missing url parameter'],
			[
				{ type: 'dlr', url: 'ftp://example.com/x' },
				'Invalid url: an http:// or https:// URL is expected',
			],
		])('refuses bad parameters %j without calling anything', async (params, statusText) => {
			expect((await post(t.sandbox, '/configureWebhook/', { ...auth, ...params })).json).toEqual({
				status: '0',
				statusText,
			});
			expect(t.sandbox.webhooks.calls).toEqual([]);
		});

		it('configures the sub-account named in the header, not the master', async () => {
			await post(
				t.sandbox,
				'/configureWebhook/',
				{ ...auth, type: 'dlr', url: client.url },
				{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
			);
			expect(t.sandbox.state.account('jdoe_subaccount').webhooks.dlr).toBe(client.url);
			expect(t.sandbox.state.account(LOGIN).webhooks.dlr).toBe('');
			const read = await post(t.sandbox, '/getWebhook/', auth, {
				'Allmysms-Subaccount': 'jdoe_subaccount',
			});
			expect(read.json).toEqual({ webhookDlr: client.url, webhookMo: '' });
		});
	});

	describe('deleteWebhook', () => {
		it('removes the URL of that type only, and succeeds when none is set', async () => {
			t.sandbox.state.account(LOGIN).webhooks.dlr = 'https://example.com/dlr';
			t.sandbox.state.account(LOGIN).webhooks.mo = 'https://example.com/mo';
			expect((await post(t.sandbox, '/deleteWebhook/', { ...auth, type: 'dlr' })).json).toEqual({
				status: '1',
				statusText: 'Webhook successfully deleted',
			});
			expect(t.sandbox.state.account(LOGIN).webhooks).toEqual({
				dlr: '',
				mo: 'https://example.com/mo',
			});
			expect((await post(t.sandbox, '/deleteWebhook/', { ...auth, type: 'dlr' })).json.status).toBe(
				'1',
			);
			expect((await post(t.sandbox, '/deleteWebhook/', { ...auth, type: 'both' })).json).toEqual({
				status: '0',
				statusText: 'Invalid webhook type: dlr or mo expected',
			});
		});
	});

	describe('pushes', () => {
		it('a delivery report goes to the DLR URL as GET with the 7.5 parameters', async () => {
			const { smsId, campaignId } = sentSms();
			t.sandbox.state.account(LOGIN).webhooks.dlr = `${client.url}/dlr?key=1`;
			t.clock.advance(60_000);
			t.sandbox.state.deliverAck(smsId, 1);
			await t.sandbox.webhooks.settled();
			expect(client.calls).toEqual([
				{
					method: 'GET',
					path: '/dlr',
					query: {
						key: '1',
						smsId,
						status: '1',
						statusText: 'Délivré',
						receptionDate: '2025-06-02 12:01:00',
						phoneNumber: '33611223344',
						campaignId,
					},
					userAgent: expect.any(String),
				},
			]);
			expect(t.sandbox.webhooks.calls.at(-1)).toEqual(
				expect.objectContaining({ kind: 'dlr', ok: true, httpStatus: 200 }),
			);
		});

		it('a reply goes to the MO URL with the 14.3 parameters (smsMoId)', async () => {
			const { smsId, campaignId } = sentSms();
			t.sandbox.state.account(LOGIN).webhooks.mo = client.url;
			const reply = t.sandbox.state.addReply(smsId, 'Oui, merci !');
			await t.sandbox.webhooks.settled();
			expect(client.calls.map((call) => call.query)).toEqual([
				{
					smsId,
					smsMoId: reply.id,
					receptionDate: '2025-06-02 12:00:00',
					phoneNumber: '33611223344',
					campaignId,
					message: 'Oui, merci !',
				},
			]);
		});

		it('nothing is pushed without a URL, and a sub-account pushes to its own URL', async () => {
			const mine = sentSms();
			t.sandbox.state.deliverAck(mine.smsId, 2);
			const sub = sentSms('jdoe_subaccount');
			t.sandbox.state.account('jdoe_subaccount').webhooks.dlr = client.url;
			t.sandbox.state.deliverAck(sub.smsId, 5);
			await t.sandbox.webhooks.settled();
			expect(client.calls.map((call) => call.query.smsId)).toEqual([sub.smsId]);
			expect(client.calls[0].query.statusText).toBe(
				'SMS rejeté (probablement numéro inconnu/abonné absent)',
			);
		});

		it('the control API pushes an event on demand and lists the calls', async () => {
			const { smsId, campaignId } = sentSms();
			const control = (path: string, init?: RequestInit) =>
				fetch(`${t.sandbox.url}/_sandbox${path}`, init);
			const push = (body: unknown) =>
				control(`/accounts/${LOGIN}/webhook-push`, { method: 'POST', body: JSON.stringify(body) });
			expect((await push({ type: 'dlr', smsId })).status).toBe(409);
			t.sandbox.state.account(LOGIN).webhooks.mo = client.url;
			const answer = await push({ type: 'mo', smsId, message: 'STOP' });
			expect(answer.status).toBe(200);
			expect(await answer.json()).toEqual(expect.objectContaining({ kind: 'mo', ok: true }));
			expect(client.calls[0].query).toEqual({
				smsId,
				smsMoId: expect.stringMatching(/^\d+$/),
				receptionDate: '2025-06-02 12:00:00',
				phoneNumber: '33611223344',
				campaignId,
				message: 'STOP',
			});
			expect(t.sandbox.state.replies(LOGIN)).toEqual([]); // a raw push: the state does not change
			expect((await push({ type: 'ack' })).status).toBe(400);
			expect(
				(await control('/accounts/nobody/webhook-push', { method: 'POST', body: '{"type":"dlr"}' }))
					.status,
			).toBe(404);
			expect(await (await control('/webhook-calls')).json()).toHaveLength(1);
			await control('/webhook-calls', { method: 'DELETE' });
			expect(t.sandbox.webhooks.calls).toEqual([]);
		});
	});
});
