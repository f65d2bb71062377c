import { API_KEY, LOGIN, get, post, startTestSandbox, type TestSandbox } from './helpers';

describe('simplified SMS (section 6)', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});

	it('serves the manual example URL (GET, mobile=0600000000;0611111111) with the 6.1 answer', async () => {
		const query = `login=${LOGIN}&apiKey=${API_KEY}&message=Bonjour,%20Merci%20d%27utiliser%20allmysms.com%20STOP%20au%2036180&mobile=0600000000;0611111111&tpoa=allmysms`;
		const answer = await get(t.sandbox, '/', query);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('application/json; charset=utf-8');
		expect(Object.keys(answer.json)).toEqual([
			'status',
			'statusText',
			'invalidNumbers',
			'campaignId',
			'credits',
			'balance',
			'cost',
		]);
		expect(answer.json).toMatchObject({
			status: 100,
			statusText: 'Your messages have been sent',
			invalidNumbers: '',
			credits: 9970,
			balance: 29.91,
			cost: 0.09,
		});
		const [campaign] = t.sandbox.state.campaigns(LOGIN);
		expect(campaign).toMatchObject({
			id: answer.json.campaignId,
			createdBy: 'simpleSms',
			tpoaUsed: 'allmysms',
			nbContacts: 2,
			message: "Bonjour, Merci d'utiliser allmysms.com STOP au 36180",
		});
		expect(t.sandbox.requests.at(-1)).toMatchObject({
			httpMethod: 'GET',
			path: '/http/9.0/',
			apiMethod: 'simpleSms',
			query: { mobile: '0600000000;0611111111' },
		});
	});

	it('works without the trailing slash and by POST', async () => {
		const response = await fetch(t.sandbox.baseUrl, {
			method: 'POST',
			body: new URLSearchParams({
				login: LOGIN,
				apiKey: API_KEY,
				message: 'Hi',
				mobile: '0600000000',
			}),
		});
		expect(await response.json()).toMatchObject({ status: 100 });
	});

	it('always answers JSON, even with returnformat=xml', async () => {
		const answer = await post(t.sandbox, '/', {
			login: LOGIN,
			apiKey: API_KEY,
			message: 'Hi',
			mobile: '0600000000',
			returnformat: 'xml',
		});
		expect(answer.contentType).toBe('application/json; charset=utf-8');
		expect(answer.json.status).toBe(100);
	});

	it('reports invalid numbers and errors like sendSms', async () => {
		const some = await post(t.sandbox, '/', {
			login: LOGIN,
			apiKey: API_KEY,
			message: 'Hi',
			mobile: '0600000000;0491000000;',
		});
		expect(some.json).toMatchObject({ status: 100, invalidNumbers: '0491000000|' });
		expect(
			(
				await post(t.sandbox, '/', {
					login: LOGIN,
					apiKey: API_KEY,
					message: 'Hi',
					mobile: '0491000000',
				})
			).json,
		).toEqual({ status: 114, statusText: 'No valid numbers', invalidNumbers: '0491000000|' });
		expect(
			(await post(t.sandbox, '/', { login: LOGIN, apiKey: API_KEY, mobile: '0600000000' })).json
				.status,
		).toBe(110);
		expect(
			(
				await post(t.sandbox, '/', {
					login: LOGIN,
					apiKey: 'nope',
					message: 'Hi',
					mobile: '0600000000',
				})
			).json.status,
		).toBe(102);
		expect(
			(
				await post(t.sandbox, '/', {
					login: LOGIN,
					apiKey: API_KEY,
					message: 'Hi',
					mobile: '0600000001',
					date: '2025-06-02T18:00:00',
				})
			).json.status,
		).toBe(115);
		expect(
			(
				await post(t.sandbox, '/', {
					login: LOGIN,
					apiKey: API_KEY,
					message: 'Hi',
					mobile: '0600000001',
					date: '2025-06-02 18:00:00',
				})
			).json.status,
		).toBe(101);
	});

	it('an unencoded + in a query string becomes a space, hence an invalid number', async () => {
		const answer = await get(
			t.sandbox,
			'/',
			`login=${LOGIN}&apiKey=${API_KEY}&message=Hi&mobile=+33612345678`,
		);
		expect(answer.json).toEqual({
			status: 114,
			statusText: 'No valid numbers',
			invalidNumbers: ' 33612345678|',
		});
	});

	it('uses coding=2 for Unicode counting', async () => {
		const answer = await post(t.sandbox, '/', {
			login: LOGIN,
			apiKey: API_KEY,
			message: 'é'.repeat(71),
			mobile: '0600000000',
			coding: '2',
		});
		expect(answer.json).toMatchObject({ status: 100, cost: 0.09 });
	});
});
