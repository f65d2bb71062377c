import { startSandbox, type RecordedRequest, type Sandbox } from '../../sandbox';
import { API_KEY, LOGIN, get, post, sendJson, startTestSandbox, type TestSandbox } from './helpers';

describe('HTTP surface, faults and control API', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});
	const data = { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0612345678' }] };

	describe('routing', () => {
		it('exposes url and baseUrl', () => {
			expect(t.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(t.sandbox.baseUrl).toBe(`${t.sandbox.url}/http/9.0`);
		});

		it.each(['/sendSms/', '/sendSms', '/sendsms/', '/SENDSMS'])(
			'method names are case-insensitive, trailing slash optional: %s',
			async (path) => {
				const answer = await post(t.sandbox, path, {
					login: LOGIN,
					apiKey: API_KEY,
					smsData: JSON.stringify({ DATA: { ...data, MESSAGE: `Hello ${path}` } }),
				});
				expect(answer.json.status).toBe(100);
				expect(t.sandbox.requests.at(-1)?.apiMethod).toBe('sendSms');
			},
		);

		it('unknown paths get a 404 HTML page', async () => {
			for (const path of ['/http/9.0/sendSmss/', '/http/8.0/sendSms/', '/']) {
				const response = await fetch(`${t.sandbox.url}${path}`);
				expect(response.status).toBe(404);
				expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
				expect(await response.text()).toContain('<html>');
			}
			expect(t.sandbox.requests.at(-1)?.apiMethod).toBeUndefined();
		});

		it('other HTTP verbs get a 405', async () => {
			const response = await fetch(`${t.sandbox.baseUrl}/sendSms/`, { method: 'PUT', body: 'x' });
			expect(response.status).toBe(405);
			expect(response.headers.get('allow')).toBe('GET, POST');
		});

		it('a method path in any case, as the manual spells some (deleteblacklistentry), reaches its method', async () => {
			const response = await fetch(`${t.sandbox.baseUrl}/deleteblacklistentry/`);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({
				error: expect.stringMatching(/^Problème de connexion/),
			});
			expect(t.sandbox.requests.at(-1)?.apiMethod).toBe('deleteBlacklistEntry');
		});
	});

	describe('parameters', () => {
		it('merges query string and form body, the body winning', async () => {
			const response = await fetch(
				`${t.sandbox.baseUrl}/getInfo/?login=${LOGIN}&apiKey=wrong&returnformat=xml`,
				{ method: 'POST', body: new URLSearchParams({ apiKey: API_KEY }) },
			);
			expect(await response.text()).toContain('<status>Active Account</status>');
			const recorded = t.sandbox.requests.at(-1) as RecordedRequest;
			expect(recorded.query).toEqual({ login: LOGIN, apiKey: 'wrong', returnformat: 'xml' });
			expect(recorded.form).toEqual({ apiKey: API_KEY });
			expect(recorded.params).toEqual({ login: LOGIN, apiKey: API_KEY, returnformat: 'xml' });
			expect(recorded.headers['content-type']).toBe(
				'application/x-www-form-urlencoded;charset=UTF-8',
			);
		});

		it('reads multipart/form-data bodies too', async () => {
			const form = new FormData();
			form.set('login', LOGIN);
			form.set('apiKey', API_KEY);
			form.set('smsData', JSON.stringify({ DATA: data }));
			const response = await fetch(`${t.sandbox.baseUrl}/sendSms/`, { method: 'POST', body: form });
			expect(await response.json()).toMatchObject({ status: 100 });
		});

		it('GET is limited to 1024 characters (7.1): a longer URL is refused with a 414 page, nothing is sent', async () => {
			const smsData = JSON.stringify({ DATA: { ...data, MESSAGE: 'a'.repeat(1100) } });
			const answer = await get(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData });
			expect(answer).toMatchObject({ status: 414, contentType: 'text/html; charset=utf-8' });
			expect(answer.text).toContain('Request-URI Too Long');
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(0);
			expect(t.sandbox.requests.at(-1)).toMatchObject({
				apiMethod: 'sendSms',
				answer: { httpStatus: 414 },
			});
			expect(
				(await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData })).json
					.status,
			).toBe(100);
		});

		it('a GET of exactly 1024 characters (path and query) is served', async () => {
			const path = '/http/9.0/getInfo/';
			const prefix = `${path}?login=${LOGIN}&apiKey=${API_KEY}&pad=`;
			const exact = `${prefix}${'x'.repeat(1024 - prefix.length)}`;
			expect(exact).toHaveLength(1024);
			expect((await fetch(`${t.sandbox.url}${exact}`)).status).toBe(200);
			expect((await fetch(`${t.sandbox.url}${exact}x`)).status).toBe(414);
		});

		it('returnformat is case-insensitive, anything but xml is JSON', async () => {
			expect(
				(await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY, returnformat: 'XML' }))
					.contentType,
			).toBe('application/xml; charset=utf-8');
			expect(
				(
					await post(t.sandbox, '/getInfo/', {
						login: LOGIN,
						apiKey: API_KEY,
						returnformat: 'yaml',
					})
				).contentType,
			).toBe('application/json; charset=utf-8');
		});
	});

	describe('faults', () => {
		it('answers a raw HTML 502 once, then normally', async () => {
			t.sandbox.injectFault({
				apiMethod: 'sendSms',
				httpStatus: 502,
				contentType: 'text/html',
				body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			});
			const info = await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY });
			expect(info.status).toBe(200);
			const faulty = await sendJson(t.sandbox, data);
			expect(faulty.status).toBe(502);
			expect(faulty.contentType).toBe('text/html');
			expect(faulty.text).toContain('502 Bad Gateway');
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(0);
			expect(t.sandbox.requests.at(-1)).toMatchObject({
				apiMethod: 'sendSms',
				answer: { httpStatus: 502, contentType: 'text/html' },
				fault: { httpStatus: 502 },
			});
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
		});

		it('drops the connection the given number of times', async () => {
			t.sandbox.injectFault({ dropConnection: true, times: 2 });
			await expect(sendJson(t.sandbox, data)).rejects.toThrow();
			await expect(
				post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY }),
			).rejects.toThrow();
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
			expect(t.sandbox.requests.filter((request) => request.fault?.dropConnection)).toHaveLength(2);
			expect(t.sandbox.requests[0].answer.httpStatus).toBe(0);
		});

		it('delays the normal answer', async () => {
			t.sandbox.injectFault({ apiMethod: 'getinfo', delayMs: 300 });
			const started = Date.now();
			expect(
				(await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY })).json.status,
			).toBe('Active Account');
			expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		});

		it('can be injected through POST /_sandbox/faults', async () => {
			const queued = await fetch(`${t.sandbox.url}/_sandbox/faults`, {
				method: 'POST',
				body: JSON.stringify({
					apiMethod: 'simpleSms',
					httpStatus: 503,
					body: 'Service Unavailable',
					contentType: 'text/plain',
				}),
			});
			expect(queued.status).toBe(201);
			const answer = await post(t.sandbox, '/', {
				login: LOGIN,
				apiKey: API_KEY,
				message: 'Hi',
				mobile: '0600000000',
			});
			expect(answer).toMatchObject({
				status: 503,
				text: 'Service Unavailable',
				contentType: 'text/plain',
			});
			const invalid = await fetch(`${t.sandbox.url}/_sandbox/faults`, {
				method: 'POST',
				body: JSON.stringify({ times: 'twice' }),
			});
			expect(invalid.status).toBe(400);
		});
	});

	describe('control API', () => {
		it('lists and clears the recorded requests (control calls are not recorded)', async () => {
			await sendJson(t.sandbox, data);
			const listed = (await (
				await fetch(`${t.sandbox.url}/_sandbox/requests`)
			).json()) as RecordedRequest[];
			expect(listed).toHaveLength(1);
			expect(listed[0]).toMatchObject({
				httpMethod: 'POST',
				path: '/http/9.0/sendSms/',
				apiMethod: 'sendSms',
				smsData: { format: 'json', data: { DATA: data } },
				answer: { httpStatus: 200, contentType: 'application/json; charset=utf-8' },
			});
			expect(JSON.parse(listed[0].answer.body)).toMatchObject({ status: 100 });
			expect(
				await (await fetch(`${t.sandbox.url}/_sandbox/requests`, { method: 'DELETE' })).json(),
			).toEqual({ cleared: 1 });
			expect(t.sandbox.requests).toHaveLength(0);
		});

		it('creates accounts and shows their state', async () => {
			const created = await fetch(`${t.sandbox.url}/_sandbox/accounts`, {
				method: 'POST',
				body: JSON.stringify({ login: 'bob', apiKey: 'bob-key', credits: 45, subAccountOf: LOGIN }),
			});
			expect(created.status).toBe(201);
			expect(
				(
					await fetch(`${t.sandbox.url}/_sandbox/accounts`, {
						method: 'POST',
						body: JSON.stringify({ login: 'bob', apiKey: 'x' }),
					})
				).status,
			).toBe(409);
			await sendJson(t.sandbox, data, {}, { 'Allmysms-Subaccount': 'bob' });
			const bob = await (await fetch(`${t.sandbox.url}/_sandbox/accounts/bob`)).json();
			expect(bob).toMatchObject({
				login: 'bob',
				credits: 30,
				masterLogin: LOGIN,
				campaigns: [
					{
						status: 'sent',
						nbSms: 1,
						dateCommand: '2025-06-02 12:00:00',
						sms: [{ phoneNumber: '33612345678', ackStatus: 3 }],
					},
				],
			});
			expect((await fetch(`${t.sandbox.url}/_sandbox/accounts/nobody`)).status).toBe(404);
		});

		it('blacklists a number', async () => {
			const response = await fetch(`${t.sandbox.url}/_sandbox/accounts/${LOGIN}/blacklist`, {
				method: 'POST',
				body: JSON.stringify({ phone: '0612345678', comment: 'stop' }),
			});
			expect(response.status).toBe(201);
			expect((await sendJson(t.sandbox, data)).json.status).toBe(114);
		});

		it('resets everything', async () => {
			await sendJson(t.sandbox, data);
			t.sandbox.injectFault({ httpStatus: 500 });
			expect((await fetch(`${t.sandbox.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
			expect(t.sandbox.requests).toHaveLength(0);
			expect(t.sandbox.state.findAccount(LOGIN)).toBeUndefined();
			expect((await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY })).status).toBe(
				200,
			);
		});
	});
});

describe('demo seed', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seedDemo: true });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('has the demo account and its sub-account, re-seeded by reset', async () => {
		expect(sandbox.state.account('demo')).toMatchObject({
			apiKey: 'demo-api-key',
			credits: 100_000,
		});
		expect(sandbox.state.account('demo_shop')).toMatchObject({
			credits: 1_500,
			masterLogin: 'demo',
		});
		await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
		const info = await post(
			sandbox,
			'/getInfo/',
			{ login: 'demo', apiKey: 'demo-api-key' },
			{ 'Allmysms-Subaccount': 'demo_shop' },
		);
		expect(info.json).toMatchObject({ status: 'Active Account', credits: 1_500, nbSms: 100 });
	});
});
