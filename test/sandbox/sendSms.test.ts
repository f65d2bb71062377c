import {
	LOGIN,
	API_KEY,
	parseXml,
	post,
	sendJson,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

/** Annex 1, XML format, with the placeholders filled in (CDATA message, dynamic parameters). */
const ANNEX_1_XML = `<DATA>
<MESSAGE><![CDATA[Bonjour #param_1# #param_2#, votre commande est prête & payée <3 STOP au 36180]]></MESSAGE>
<DYNAMIC>2</DYNAMIC>
<CAMPAIGN_NAME>nom de campagne </CAMPAIGN_NAME>
<DATE>2011-11-05 15:10:00</DATE>
<TPOA>Society</TPOA>
<SMS>
    <MOBILEPHONE>33612345678</MOBILEPHONE>
    <PARAM_1>Parametre 1</PARAM_1>
    <PARAM_2>Parametre 2</PARAM_2>
</SMS>
<SMS>
    <MOBILEPHONE>33611111111</MOBILEPHONE>
    <PARAM_1>Parametre 1</PARAM_1>
    <PARAM_2>Parametre 2</PARAM_2>
</SMS>
</DATA>`;

/** Annex 1, JSON format, exactly as printed (DYNAMIC as a string, past DATE, TPOA with an apostrophe). */
const ANNEX_1_JSON = {
	DATA: {
		CAMPAIGN_NAME: 'Nom de la campagne',
		MESSAGE: 'Votre message',
		TPOA: "Nom de l'émetteur",
		DYNAMIC: '2',
		DATE: '2013-01-01 12:00:00',
		SMS: [
			{ MOBILEPHONE: '33612345678', PARAM_1: 'Parametre 1', PARAM_2: 'Parametre 2' },
			{ MOBILEPHONE: '33611111111', PARAM_1: 'Parametre 1', PARAM_2: 'Parametre 2' },
		],
	},
};

describe('sendSms', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});

	it('accepts the annex 1 XML flow (CDATA, DYNAMIC, past DATE) and answers XML shaped like 7.4', async () => {
		const answer = await post(t.sandbox, '/sendSms/', {
			login: LOGIN,
			apiKey: API_KEY,
			returnformat: 'xml',
			smsData: ANNEX_1_XML,
		});
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('application/xml; charset=utf-8');
		expect(answer.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<sendSms>')).toBe(true);
		const { sendSms } = parseXml(answer.text);
		expect(sendSms.status).toBe('100');
		expect(sendSms.statusText).toBe('Your messages have been sent');
		expect(sendSms.invalidNumbers).toBe('');
		expect(sendSms.campaignId).toMatch(/^[a-z0-9]{15,17}$/);
		expect(sendSms.creditsUsed).toBe('30');
		expect(sendSms.credits).toBe('9970');
		expect(sendSms.nbContacts).toBe('2');
		expect(sendSms.nbSms).toBe('2');
		expect(sendSms.smsIds.sms).toHaveLength(2);
		expect(sendSms.smsIds.sms[0].phoneNumber).toBe('33612345678');
		expect(sendSms.smsIds.sms[0].smsId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
		);
		expect(sendSms.balance).toBe('29.91');
		expect(sendSms.cost).toBe('0.09');

		const [campaign] = t.sandbox.state.campaigns(LOGIN);
		expect(campaign).toMatchObject({
			name: 'nom de campagne',
			status: 'sent',
			tpoaAsked: 'Society',
			tpoaUsed: 'Society',
			nbSms: 2,
			nbContacts: 2,
		});
		const sms = t.sandbox.state.sms(sendSms.smsIds.sms[0].smsId);
		expect(sms).toMatchObject({ phoneNumber: '33612345678', ackStatus: 3, sender: 'Society' });
		expect(sms?.message).toBe(
			'Bonjour Parametre 1 Parametre 2, votre commande est prête & payée <3 STOP au 36180',
		);

		const recorded = t.sandbox.requests.at(-1);
		expect(recorded?.apiMethod).toBe('sendSms');
		expect(recorded?.smsData?.format).toBe('xml');
		expect(recorded?.smsData?.raw).toBe(ANNEX_1_XML);
	});

	it('accepts the annex 1 JSON flow and answers JSON with the 7.4 types; an invalid TPOA falls back to 36180', async () => {
		const answer = await post(t.sandbox, '/sendSms/', {
			login: LOGIN,
			apiKey: API_KEY,
			smsData: JSON.stringify(ANNEX_1_JSON),
		});
		expect(answer.contentType).toBe('application/json; charset=utf-8');
		expect(Object.keys(answer.json)).toEqual([
			'status',
			'statusText',
			'invalidNumbers',
			'campaignId',
			'credits',
			'creditsUsed',
			'nbContacts',
			'nbSms',
			'smsIds',
			'balance',
			'cost',
		]);
		expect(answer.json).toMatchObject({
			status: 100,
			statusText: 'Your messages have been sent',
			invalidNumbers: '',
			credits: 9970,
			creditsUsed: 30,
			nbContacts: 2,
			nbSms: 2,
			balance: 29.91,
			cost: 0.09,
		});
		expect(answer.json.smsIds).toEqual([
			{ phoneNumber: '33612345678', smsId: expect.any(String) },
			{ phoneNumber: '33611111111', smsId: expect.any(String) },
		]);
		const [campaign] = t.sandbox.state.campaigns(LOGIN);
		expect(campaign.tpoaAsked).toBe("Nom de l'émetteur");
		expect(campaign.tpoaUsed).toBe('36180');
		expect(t.sandbox.requests.at(-1)?.smsData).toMatchObject({
			format: 'json',
			data: ANNEX_1_JSON,
		});
	});

	it('accepts DATA given as a one-element array and a single SMS object', async () => {
		const smsData = JSON.stringify({
			DATA: [{ MESSAGE: 'Hello', SMS: { MOBILEPHONE: '0612345678' } }],
		});
		const answer = await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData });
		expect(answer.json).toMatchObject({
			status: 100,
			nbContacts: 1,
			smsIds: [{ phoneNumber: '33612345678' }],
		});
	});

	it('keeps a custom sender to France only with the STOP mention', async () => {
		await sendJson(t.sandbox, {
			MESSAGE: 'Promo -20%',
			TPOA: 'MaBoutique',
			SMS: [{ MOBILEPHONE: '0612345678' }, { MOBILEPHONE: '+32470123456' }],
		});
		const [campaign] = t.sandbox.state.campaigns(LOGIN);
		expect(campaign.tpoaUsed).toBe('36180');
		const [france, belgium] = t.sandbox.state.smsOfCampaign(campaign);
		expect(france.sender).toBe('36180');
		expect(belgium.sender).toBe('MaBoutique');
		expect(belgium.credits).toBe(22);
	});

	describe('errors (HTTP 200, status in the body)', () => {
		it('102 for a bad apiKey, JSON and XML', async () => {
			const json = await post(t.sandbox, '/sendSms/', {
				login: LOGIN,
				apiKey: 'wrong',
				smsData: JSON.stringify(ANNEX_1_JSON),
			});
			expect(json.status).toBe(200);
			expect(json.json).toEqual({
				status: 102,
				statusText:
					'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
			});
			const xml = await post(t.sandbox, '/sendSms/', {
				login: LOGIN,
				apiKey: 'wrong',
				returnformat: 'xml',
				smsData: ANNEX_1_XML,
			});
			expect(parseXml(xml.text).sendSms).toEqual({
				status: '102',
				statusText:
					'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
			});
		});

		it('102 when the parameter names differ from the manual (apikey instead of apiKey)', async () => {
			const answer = await post(t.sandbox, '/sendSms/', {
				login: LOGIN,
				apikey: API_KEY,
				smsData: JSON.stringify(ANNEX_1_JSON),
			});
			expect(answer.json.status).toBe(102);
		});

		it('102 when the parameters are sent as a JSON body (only form bodies are read)', async () => {
			const response = await fetch(`${t.sandbox.baseUrl}/sendSms/`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					login: LOGIN,
					apiKey: API_KEY,
					smsData: JSON.stringify(ANNEX_1_JSON),
				}),
			});
			expect(await response.json()).toMatchObject({ status: 102 });
		});

		it('105 when smsData is missing or blank', async () => {
			expect((await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY })).json).toEqual({
				status: 105,
				statusText: 'Flux XML Vide',
			});
			expect(
				(await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData: '  ' })).json
					.status,
			).toBe(105);
		});

		it.each([
			['truncated JSON', '{"DATA": {"MESSAGE": "Hello"'],
			['malformed XML', '<DATA><MESSAGE>Hello</DATA>'],
			[
				'the annex CDATA typo',
				'<DATA><MESSAGE><! [CDATA[Votre message]]></MESSAGE><SMS><MOBILEPHONE>0612345678</MOBILEPHONE></SMS></DATA>',
			],
			['an undefined entity', '<DATA><MESSAGE>caf&eacute;</MESSAGE></DATA>'],
			['a bare ampersand', '<DATA><MESSAGE>Tom & Jerry</MESSAGE></DATA>'],
			['two root elements', '<DATA><MESSAGE>a</MESSAGE></DATA><DATA/>'],
			['plain text', 'MESSAGE=Hello'],
		])('109 for %s', async (_label, smsData) => {
			const answer = await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData });
			expect(answer.json).toEqual({
				status: 109,
				statusText: 'Flux XML invalide ou incomplet après la balise <MESSAGE>',
			});
		});

		it('109 text is escaped in XML answers', async () => {
			const answer = await post(t.sandbox, '/sendSms/', {
				login: LOGIN,
				apiKey: API_KEY,
				returnformat: 'xml',
				smsData: '<DATA>',
			});
			expect(answer.text).toContain(
				'<statusText>Flux XML invalide ou incomplet après la balise &lt;MESSAGE&gt;</statusText>',
			);
		});

		it('110 when MESSAGE is missing, empty, or spelled differently', async () => {
			for (const data of [
				{ SMS: [{ MOBILEPHONE: '0612345678' }] },
				{ MESSAGE: '', SMS: [{ MOBILEPHONE: '0612345678' }] },
				{ message: 'Hello', SMS: [{ MOBILEPHONE: '0612345678' }] },
			]) {
				expect((await sendJson(t.sandbox, data)).json).toEqual({
					status: 110,
					statusText: 'Message non défini (vide) dans le flux XML',
				});
			}
			const xml = await post(t.sandbox, '/sendSms/', {
				login: LOGIN,
				apiKey: API_KEY,
				smsData:
					'<DATA><MESSAGE><![CDATA[]]></MESSAGE><SMS><MOBILEPHONE>0612345678</MOBILEPHONE></SMS></DATA>',
			});
			expect(xml.json.status).toBe(110);
		});

		it('111 when a message needs more than 8 SMS', async () => {
			const answer = await sendJson(t.sandbox, {
				MESSAGE: 'a'.repeat(1225),
				SMS: [{ MOBILEPHONE: '0612345678' }],
			});
			expect(answer.json).toEqual({
				status: 111,
				statusText: 'Le message dépasse le nombre de caractères autorisé',
			});
			expect(t.sandbox.state.account(LOGIN).credits).toBe(10_000);
		});

		it('114 with invalidNumbers when no number is valid (landlines, spaces, unknown countries)', async () => {
			const answer = await sendJson(t.sandbox, {
				MESSAGE: 'Hello',
				SMS: [
					{ MOBILEPHONE: '0491000000' },
					{ MOBILEPHONE: '0100000000' },
					{ MOBILEPHONE: '06 12 34 56 78' },
					{ MOBILEPHONE: '+15551234567' },
				],
			});
			expect(answer.json).toEqual({
				status: 114,
				statusText: 'No valid numbers',
				invalidNumbers: '0491000000|0100000000|06 12 34 56 78|+15551234567|',
			});
			const xml = await sendJson(
				t.sandbox,
				{ MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0491000000' }] },
				{ returnformat: 'xml' },
			);
			expect(parseXml(xml.text).sendSms).toEqual({
				status: '114',
				statusText: 'No valid numbers',
				invalidNumbers: '0491000000|',
			});
		});

		it.each([
			'2025-13-01 10:00:00',
			'2025-02-30 10:00:00',
			'2025-06-10 10:00',
			'10/06/2025 10:00:00',
			'2025-03-30 02:30:00',
		])('115 for DATE %s', async (date) => {
			const answer = await sendJson(t.sandbox, {
				MESSAGE: 'Hello',
				DATE: date,
				SMS: [{ MOBILEPHONE: '0612345678' }],
			});
			expect(answer.json).toEqual({
				status: 115,
				statusText: 'Flux XML invalide ou date mal formatée entre les balises <DATE> et </DATE>',
			});
		});

		it('104 with the credits needed and available', async () => {
			t.sandbox.state.createAccount({ login: 'poor', apiKey: 'poor-key', credits: 30 });
			const answer = await post(t.sandbox, '/sendSms/', {
				login: 'poor',
				apiKey: 'poor-key',
				smsData: JSON.stringify({
					DATA: {
						MESSAGE: 'Hello',
						SMS: [
							{ MOBILEPHONE: '0611111111' },
							{ MOBILEPHONE: '0622222222' },
							{ MOBILEPHONE: '0633333333' },
						],
					},
				}),
			});
			expect(answer.json).toEqual({
				status: 104,
				statusText:
					'Crédit insuffisant pour traiter cet envoi. A utiliser : 45 Crédits, Disponibles: 30 Crédits. Veuillez re-créditer votre compte sur AllMySMS.com',
			});
			expect(t.sandbox.state.account('poor').credits).toBe(30);
			expect(t.sandbox.state.campaigns('poor')).toHaveLength(0);
		});
	});

	it('101 for a future DATE (Paris time): programmed, credits taken now', async () => {
		const answer = await sendJson(t.sandbox, {
			MESSAGE: 'Rappel RDV',
			DATE: '2025-06-03 09:30:00',
			SMS: [{ MOBILEPHONE: '0612345678' }],
		});
		expect(answer.json).toMatchObject({
			status: 101,
			statusText: 'Le message a été programmé pour un envoi différé',
			creditsUsed: 15,
			credits: 9985,
		});
		const [campaign] = t.sandbox.state.campaigns(LOGIN);
		expect(campaign.status).toBe('programmed');
		expect(campaign.sendingDate.toISOString()).toBe('2025-06-03T07:30:00.000Z');
		expect(t.sandbox.state.sms(answer.json.smsIds[0].smsId)?.ackStatus).toBeNull();
		t.clock.advance(24 * 3600 * 1000);
		expect(t.sandbox.state.campaigns(LOGIN)[0].status).toBe('sent');
		expect(t.sandbox.state.sms(answer.json.smsIds[0].smsId)?.ackStatus).toBe(3);
	});

	it('a DATE in the past (or now) sends immediately: 100', async () => {
		const answer = await sendJson(t.sandbox, {
			MESSAGE: 'Hello',
			DATE: '2025-06-02 12:00:00',
			SMS: [{ MOBILEPHONE: '0612345678' }],
		});
		expect(answer.json.status).toBe(100);
	});

	it('rejects landlines but keeps the valid numbers', async () => {
		const answer = await sendJson(t.sandbox, {
			MESSAGE: 'Hello',
			SMS: [
				{ MOBILEPHONE: '0491000000' },
				{ MOBILEPHONE: '+33712345678' },
				{ MOBILEPHONE: '33812345678' },
			],
		});
		expect(answer.json).toMatchObject({
			status: 100,
			invalidNumbers: '0491000000|33812345678|',
			nbContacts: 1,
			smsIds: [{ phoneNumber: '33712345678' }],
		});
	});

	it('sends a number given twice (in any format) only once', async () => {
		const answer = await sendJson(t.sandbox, {
			MESSAGE: 'Hello',
			SMS: [
				{ MOBILEPHONE: '0612345678' },
				{ MOBILEPHONE: '+33612345678' },
				{ MOBILEPHONE: '33612345678' },
			],
		});
		expect(answer.json).toMatchObject({
			status: 100,
			nbContacts: 1,
			nbSms: 1,
			creditsUsed: 15,
			invalidNumbers: '',
		});
		expect(answer.json.smsIds).toHaveLength(1);
	});

	it('substitutes #param_k# per recipient and counts each final message', async () => {
		const answer = await sendJson(t.sandbox, {
			MESSAGE: `${'x'.repeat(150)}#param_1#`,
			DYNAMIC: 1,
			SMS: [
				{ MOBILEPHONE: '0611111111', PARAM_1: 'court' },
				{ MOBILEPHONE: '0622222222', PARAM_1: 'y'.repeat(20) },
				{ MOBILEPHONE: '0633333333' },
			],
		});
		expect(answer.json).toMatchObject({ status: 100, nbContacts: 3, nbSms: 4, creditsUsed: 60 });
		const [first, second, third] = t.sandbox.state.smsOfCampaign(
			t.sandbox.state.campaigns(LOGIN)[0],
		);
		expect(first.message).toBe(`${'x'.repeat(150)}court`);
		expect(second.parts).toBe(2);
		expect(third.message).toBe('x'.repeat(150));
	});

	it('leaves #param_k# as is without DYNAMIC', async () => {
		await sendJson(t.sandbox, {
			MESSAGE: 'Bonjour #param_1#',
			SMS: [{ MOBILEPHONE: '0611111111', PARAM_1: 'Marc' }],
		});
		expect(t.sandbox.state.smsOfCampaign(t.sandbox.state.campaigns(LOGIN)[0])[0].message).toBe(
			'Bonjour #param_1#',
		);
	});

	describe('blacklist', () => {
		beforeEach(() => {
			t.sandbox.state.blacklist(LOGIN, '0622222222', 'stop');
			t.sandbox.state.blacklist(LOGIN, '33633333333', 'Refused');
			t.sandbox.state.blacklist(LOGIN, '+33644444444', 'manual unsubscribe');
		});
		const recipients = [
			{ MOBILEPHONE: '0611111111' },
			{ MOBILEPHONE: '0622222222' },
			{ MOBILEPHONE: '0633333333' },
			{ MOBILEPHONE: '0644444444' },
			{ MOBILEPHONE: '0491000000' },
		];

		it('discards blacklisted numbers silently', async () => {
			const answer = await sendJson(t.sandbox, { MESSAGE: 'Hello', SMS: recipients });
			expect(answer.json).toMatchObject({
				status: 100,
				invalidNumbers: '0491000000|',
				nbContacts: 1,
				smsIds: [{ phoneNumber: '33611111111' }],
			});
			expect(answer.json).not.toHaveProperty('discardedNumbersDetails');
		});

		it('details every discarded number with VERBOSE=1 (JSON)', async () => {
			const answer = await sendJson(t.sandbox, { MESSAGE: 'Hello', VERBOSE: '1', SMS: recipients });
			expect(answer.json.discardedNumbersDetails).toEqual([
				{ phoneNumber: '0622222222', reason: 'blacklist_stop', date: '2025-06-02 12:00:00' },
				{ phoneNumber: '0633333333', reason: 'blacklist_unassigned', date: '2025-06-02 12:00:00' },
				{ phoneNumber: '0644444444', reason: 'blacklist_manual', date: '2025-06-02 12:00:00' },
				{ phoneNumber: '0491000000', reason: 'invalid' },
			]);
		});

		it('details every discarded number with VERBOSE=1 (XML)', async () => {
			const answer = await sendJson(
				t.sandbox,
				{ MESSAGE: 'Hello', VERBOSE: 1, SMS: recipients },
				{ returnformat: 'xml' },
			);
			const details = parseXml(answer.text).sendSms.discardedNumbersDetails.discardedNumber;
			expect(details).toHaveLength(4);
			expect(details[0]).toEqual({
				phoneNumber: '0622222222',
				reason: 'blacklist_stop',
				date: '2025-06-02 12:00:00',
			});
			expect(details[3]).toEqual({ phoneNumber: '0491000000', reason: 'invalid' });
		});

		it('114 when every number is blacklisted', async () => {
			const answer = await sendJson(t.sandbox, {
				MESSAGE: 'Hello',
				VERBOSE: 1,
				SMS: [{ MOBILEPHONE: '0622222222' }],
			});
			expect(answer.json).toMatchObject({
				status: 114,
				invalidNumbers: '',
				discardedNumbersDetails: [{ phoneNumber: '0622222222', reason: 'blacklist_stop' }],
			});
		});
	});

	describe('sub-accounts (annex 14)', () => {
		const data = { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0612345678' }] };

		it('header Allmysms-Subaccount acts on the sub-account credits and campaigns', async () => {
			const answer = await sendJson(
				t.sandbox,
				data,
				{},
				{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
			);
			expect(answer.json).toMatchObject({ status: 100, credits: 285, balance: 0.86 });
			expect(t.sandbox.state.account('jdoe_subaccount').credits).toBe(285);
			expect(t.sandbox.state.account(LOGIN).credits).toBe(10_000);
			expect(t.sandbox.state.campaigns('jdoe_subaccount')).toHaveLength(1);
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(0);
		});

		it('also accepts the subAccount parameter, the header winning', async () => {
			t.sandbox.state.createAccount({
				login: 'jdoe_other',
				apiKey: 'x',
				credits: 100,
				subAccountOf: LOGIN,
			});
			await sendJson(t.sandbox, data, { subAccount: 'jdoe_other' });
			expect(t.sandbox.state.account('jdoe_other').credits).toBe(85);
			await sendJson(
				t.sandbox,
				{ ...data, MESSAGE: 'Hello again' },
				{ subAccount: 'jdoe_other' },
				{ 'allmysms-subaccount': 'jdoe_subaccount' },
			);
			expect(t.sandbox.state.account('jdoe_subaccount').credits).toBe(285);
			expect(t.sandbox.state.account('jdoe_other').credits).toBe(85);
		});

		it('refuses a sub-account that is not attached to the authenticated account', async () => {
			t.sandbox.state.createAccount({ login: 'alice', apiKey: 'alice-key', credits: 100 });
			t.sandbox.state.createAccount({
				login: 'alice_sub',
				apiKey: 'x',
				credits: 100,
				subAccountOf: 'alice',
			});
			for (const login of ['alice_sub', 'nobody']) {
				const answer = await sendJson(t.sandbox, data, {}, { 'Allmysms-Subaccount': login });
				expect(answer.json).toEqual({
					status: 102,
					statusText: `Problème de connexion - Le sous-compte ${login} n'est pas rattaché à ce compte`,
				});
			}
		});
	});
});
