import { API_KEY, LOGIN, parseXml, post, startTestSandbox, type TestSandbox } from './helpers';

describe('simulateCampaign (section 8) and getInfo (section 17)', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});
	const smsData = JSON.stringify({
		DATA: {
			MESSAGE: 'a'.repeat(200),
			SMS: [
				{ MOBILEPHONE: '0611111111' },
				{ MOBILEPHONE: '0622222222' },
				{ MOBILEPHONE: '0100000000' },
			],
		},
	});

	it('simulateCampaign answers the 8.2 fields and takes no credit', async () => {
		const answer = await post(t.sandbox, '/simulateCampaign/', {
			login: LOGIN,
			apiKey: API_KEY,
			smsData,
		});
		expect(Object.keys(answer.json)).toEqual([
			'status',
			'statusText',
			'invalidNumbers',
			'nbCredits',
			'nbContacts',
			'nbSms',
			'balance',
			'cost',
		]);
		expect(answer.json).toEqual({
			status: 100,
			statusText: 'Your messages have been sent',
			invalidNumbers: '0100000000|',
			nbCredits: 60,
			nbContacts: 2,
			nbSms: 4,
			balance: 30,
			cost: 0.18,
		});
		expect(t.sandbox.state.account(LOGIN).credits).toBe(10_000);
		expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(0);
	});

	it('simulateCampaign answers XML with its root element and validates like sendSms', async () => {
		const answer = await post(t.sandbox, '/simulateCampaign/', {
			login: LOGIN,
			apiKey: API_KEY,
			smsData,
			returnformat: 'xml',
		});
		expect(parseXml(answer.text).simulateCampaign).toEqual({
			status: '100',
			statusText: 'Your messages have been sent',
			invalidNumbers: '0100000000|',
			nbCredits: '60',
			nbContacts: '2',
			nbSms: '4',
			balance: '30',
			cost: '0.18',
		});
		expect(
			(await post(t.sandbox, '/simulateCampaign/', { login: LOGIN, apiKey: API_KEY })).json.status,
		).toBe(105);
		expect(
			(await post(t.sandbox, '/simulateCampaign/', { login: LOGIN, apiKey: 'bad', smsData })).json
				.status,
		).toBe(102);
	});

	it('getInfo answers the 17.2 fields with their JSON types', async () => {
		const answer = await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY });
		expect(Object.keys(answer.json)).toEqual([
			'status',
			'credits',
			'nbSms',
			'referenceCountryIso',
			'apiKey',
			'lastName',
			'firstName',
			'society',
			'email',
			'balance',
			'alerting',
		]);
		expect(answer.json).toEqual({
			status: 'Active Account',
			credits: 10_000,
			nbSms: 666,
			referenceCountryIso: 'FR',
			apiKey: API_KEY,
			lastName: 'Dupont',
			firstName: 'Marc',
			society: 'allmysms.com',
			email: 'support@allmysms.com',
			balance: 30,
			alerting: 1,
		});
	});

	it('getInfo in XML, and as a sub-account', async () => {
		const xml = await post(
			t.sandbox,
			'/getinfo',
			{ login: LOGIN, apiKey: API_KEY, returnformat: 'xml' },
			{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
		);
		expect(xml.contentType).toBe('application/xml; charset=utf-8');
		expect(parseXml(xml.text).getInfo).toMatchObject({
			status: 'Active Account',
			credits: '300',
			nbSms: '20',
			apiKey: 'sub-key',
			balance: '0.9',
		});
	});

	it('getInfo reports a bad key with the read-method shape {error}', async () => {
		const text =
			'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés';
		expect((await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: 'bad' })).json).toEqual({
			error: text,
		});
		const xml = await post(t.sandbox, '/getInfo/', {
			login: LOGIN,
			apiKey: 'bad',
			returnformat: 'xml',
		});
		expect(xml.status).toBe(200);
		expect(parseXml(xml.text)).toMatchObject({ getInfo: { error: text } });
		expect(
			(
				await post(
					t.sandbox,
					'/getInfo/',
					{ login: LOGIN, apiKey: API_KEY },
					{ 'Allmysms-Subaccount': 'ghost' },
				)
			).json,
		).toEqual({
			error: "Problème de connexion - Le sous-compte ghost n'est pas rattaché à ce compte",
		});
	});
});
