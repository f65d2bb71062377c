import { API_KEY, LOGIN, post, sendJson, startTestSandbox, type TestSandbox } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DUPLICATE_TEXT =
	"Requête rejetée car une requête identique a été envoyée dans un laps de temps de moins de 10 secondes. Système de sécurité mis en place pour éviter l'envoi en boucle de message.";

describe('anti-replay guards', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});
	const data = { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0612345678' }] };

	describe('121: identical request within 10 seconds', () => {
		it('refuses the same sendSms within 10 s, accepts it at 10 s', async () => {
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
			t.clock.advance(9_999);
			expect((await sendJson(t.sandbox, data)).json).toEqual({
				status: 121,
				statusText: DUPLICATE_TEXT,
			});
			t.clock.advance(1);
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(2);
		});

		it('ignores returnformat when comparing, not the flow', async () => {
			await sendJson(t.sandbox, data);
			expect((await sendJson(t.sandbox, data, { returnformat: 'xml' })).text).toContain(
				'<status>121</status>',
			);
			expect((await sendJson(t.sandbox, { ...data, MESSAGE: 'Hello!' })).json.status).toBe(100);
		});

		it('is per account: the same request for a sub-account is accepted', async () => {
			await sendJson(t.sandbox, data);
			expect(
				(await sendJson(t.sandbox, data, {}, { 'Allmysms-Subaccount': 'jdoe_subaccount' })).json
					.status,
			).toBe(100);
		});

		it('only remembers accepted requests', async () => {
			const bad = { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0491000000' }] };
			expect((await sendJson(t.sandbox, bad)).json.status).toBe(114);
			expect((await sendJson(t.sandbox, bad)).json.status).toBe(114);
		});

		it('also while the first identical request is still being processed, then for 10 s after it', async () => {
			t.sandbox.injectFault({ mode: 'slow', apiMethod: 'sendSms', delayMs: 400 });
			const slow = sendJson(t.sandbox, data);
			await sleep(150);
			expect((await sendJson(t.sandbox, data)).json).toEqual({
				status: 121,
				statusText: DUPLICATE_TEXT,
			});
			expect((await slow).json.status).toBe(100);
			expect((await sendJson(t.sandbox, data)).json.status).toBe(121);
			t.clock.advance(10_000);
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(2);
		});

		it('while in progress even if the first is refused in the end; once refused, it is forgotten', async () => {
			const broke = { login: LOGIN, apiKey: API_KEY, message: 'Hello', mobile: '0491000000' };
			t.sandbox.injectFault({ mode: 'slow', apiMethod: 'simpleSms', delayMs: 400 });
			const slow = post(t.sandbox, '/', broke);
			await sleep(150);
			expect((await post(t.sandbox, '/', broke)).json.status).toBe(121);
			expect((await slow).json.status).toBe(114);
			expect((await post(t.sandbox, '/', broke)).json.status).toBe(114);
		});

		it('compares the flow once parsed: the same flow in XML, keys in another order, other blanks, is identical', async () => {
			expect(
				(await sendJson(t.sandbox, { ...data, CAMPAIGN_NAME: 'Soldes', DYNAMIC: 0 })).json.status,
			).toBe(100);
			const xml =
				'<?xml version="1.0" encoding="UTF-8"?>\n<DATA>\n  <SMS>\n    <MOBILEPHONE>0612345678</MOBILEPHONE>\n  </SMS>\n  <DYNAMIC>0</DYNAMIC>\n  <MESSAGE><![CDATA[Hello]]></MESSAGE>\n  <CAMPAIGN_NAME>Soldes</CAMPAIGN_NAME>\n</DATA>';
			const json =
				'{ "DATA" : [ { "DYNAMIC": "0", "CAMPAIGN_NAME": "Soldes",\n "SMS": { "MOBILEPHONE": "0612345678" }, "MESSAGE": "Hello" } ] }';
			for (const smsData of [xml, json]) {
				expect(
					(await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData })).json
						.status,
				).toBe(121);
			}
			// Another value is another request, a blank kept by CDATA or a JSON string included.
			const others = [
				xml.replace('Soldes', 'Soldes 2'),
				xml.replace('[Hello]', '[Hello ]'),
				json.replace('"Hello"', '" Hello"'),
			];
			for (const smsData of others) {
				expect(
					(await post(t.sandbox, '/sendSms/', { login: LOGIN, apiKey: API_KEY, smsData })).json
						.status,
				).toBe(100);
			}
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(4);
		});

		it('the XML form of a flow still in progress as JSON is a 121 too', async () => {
			t.sandbox.injectFault({ mode: 'slow', apiMethod: 'sendSms', delayMs: 400 });
			const slow = sendJson(t.sandbox, data);
			await sleep(150);
			const xml =
				'<DATA><MESSAGE>Hello</MESSAGE><SMS><MOBILEPHONE>0612345678</MOBILEPHONE></SMS></DATA>';
			expect(
				(
					await post(t.sandbox, '/sendSms/', {
						login: LOGIN,
						apiKey: API_KEY,
						smsData: xml,
						returnformat: 'xml',
					})
				).text,
			).toContain('<status>121</status>');
			expect((await slow).json.status).toBe(100);
		});

		it('sendVocal flows are compared the same way', async () => {
			const vocal = {
				URL: 'https://example.com/message.mp3',
				TPOA: '0123456789',
				VOCALS: [{ MOBILEPHONE: '0612345678' }],
			};
			expect(
				(
					await post(t.sandbox, '/sendVocal/', {
						login: LOGIN,
						apiKey: API_KEY,
						vocalData: JSON.stringify({ DATA: [vocal] }),
					})
				).json.status,
			).toBe(100);
			const xml =
				'<DATA><TPOA>0123456789</TPOA><VOCALS><MOBILEPHONE>0612345678</MOBILEPHONE></VOCALS><URL>https://example.com/message.mp3</URL></DATA>';
			expect(
				(await post(t.sandbox, '/sendVocal/', { login: LOGIN, apiKey: API_KEY, vocalData: xml }))
					.json.status,
			).toBe(121);
		});

		it('applies to simpleSms, not to simulateCampaign', async () => {
			const simple = { login: LOGIN, apiKey: API_KEY, message: 'Hello', mobile: '0612345678' };
			expect((await post(t.sandbox, '/', simple)).json.status).toBe(100);
			expect((await post(t.sandbox, '/', simple)).json.status).toBe(121);
			const simulate = { login: LOGIN, apiKey: API_KEY, smsData: JSON.stringify({ DATA: data }) };
			expect((await post(t.sandbox, '/simulateCampaign/', simulate)).json.status).toBe(100);
			expect((await post(t.sandbox, '/simulateCampaign/', simulate)).json.status).toBe(100);
		});
	});

	describe('unique identifier', () => {
		const unique = { ...data, UNIQUEIDENTIFIER: 'order-42' };

		it('replays the original answer with treatmentStatus and sends nothing', async () => {
			const first = await sendJson(t.sandbox, unique);
			expect(first.json.status).toBe(100);
			expect(first.json).not.toHaveProperty('treatmentStatus');
			// Checked before the 10-second guard: an immediate replay is not a 121.
			const replay = await sendJson(t.sandbox, unique);
			expect(replay.json).toEqual({ ...first.json, treatmentStatus: 'ALREADY_PROCESSED' });
			// Even with another message: the identifier decides.
			t.clock.advance(3600_000);
			const other = await sendJson(
				t.sandbox,
				{ ...unique, MESSAGE: 'Other' },
				{ returnformat: 'xml' },
			);
			expect(other.text).toContain(`<campaignId>${first.json.campaignId}</campaignId>`);
			expect(other.text).toContain('<treatmentStatus>ALREADY_PROCESSED</treatmentStatus>');
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(1);
			expect(t.sandbox.state.account(LOGIN).credits).toBe(10_000 - 15);
		});

		it('lives 24 hours', async () => {
			const first = await sendJson(t.sandbox, unique);
			t.clock.advance(24 * 3600_000);
			const again = await sendJson(t.sandbox, unique);
			expect(again.json.status).toBe(100);
			expect(again.json.campaignId).not.toBe(first.json.campaignId);
		});

		it('is scoped to account + method', async () => {
			await sendJson(t.sandbox, unique);
			const simple = await post(t.sandbox, '/', {
				login: LOGIN,
				apiKey: API_KEY,
				message: 'Hello',
				mobile: '0612345678',
				uniqueidentifier: 'order-42',
			});
			expect(simple.json.status).toBe(100);
			expect(simple.json).not.toHaveProperty('treatmentStatus');
			const replay = await post(t.sandbox, '/', {
				login: LOGIN,
				apiKey: API_KEY,
				message: 'Hello',
				mobile: '0612345678',
				uniqueidentifier: 'order-42',
			});
			expect(replay.json).toEqual({ ...simple.json, treatmentStatus: 'ALREADY_PROCESSED' });
			const sub = await sendJson(
				t.sandbox,
				unique,
				{},
				{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
			);
			expect(sub.json).not.toHaveProperty('treatmentStatus');
		});

		it('160 while the first request is still being processed', async () => {
			t.sandbox.injectFault({ apiMethod: 'sendSms', delayMs: 400 });
			const slow = sendJson(t.sandbox, unique);
			await new Promise((resolve) => setTimeout(resolve, 150));
			const concurrent = await sendJson(t.sandbox, unique);
			expect(concurrent.json).toEqual({
				status: 160,
				statusText: 'Une requête avec cet identifiant unique est déjà en cours de traitement',
			});
			const first = await slow;
			expect(first.json.status).toBe(100);
			expect((await sendJson(t.sandbox, unique)).json.treatmentStatus).toBe('ALREADY_PROCESSED');
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(1);
		});

		it('160 for each sending method while its first request is being processed', async () => {
			const voice = {
				login: LOGIN,
				apiKey: API_KEY,
				url: 'https://example.com/message.mp3',
				tpoa: '0123456789',
				mobile: '0612345678',
			};
			const vocalData = (id: string) =>
				JSON.stringify({
					DATA: {
						URL: 'https://example.com/m.mp3',
						TPOA: '0123456789',
						VOCALS: [{ MOBILEPHONE: '0612345678' }],
						UNIQUEIDENTIFIER: id,
					},
				});
			const cases: [string, string, Record<string, string>][] = [
				[
					'simpleSms',
					'/',
					{
						login: LOGIN,
						apiKey: API_KEY,
						message: 'Hello',
						mobile: '0612345678',
						uniqueidentifier: 'u-1',
					},
				],
				['simpleVocal', '/simpleVocal', { ...voice, uniquelIdentifier: 'u-2' }],
				['simpleVocal', '/simpleVocal', { ...voice, tpoa: '0123456780', uniqueIdentifier: 'u-3' }],
				[
					'sendVocal',
					'/sendVocal/',
					{ login: LOGIN, apiKey: API_KEY, vocalData: vocalData('u-4') },
				],
			];
			for (const [apiMethod, path, params] of cases) {
				t.sandbox.injectFault({ mode: 'slow', apiMethod, delayMs: 300 });
				const slow = post(t.sandbox, path, params);
				await sleep(100);
				expect([apiMethod, (await post(t.sandbox, path, params)).json.status]).toEqual([
					apiMethod,
					160,
				]);
				const first = (await slow).json;
				expect(first.status).toBe(100);
				expect((await post(t.sandbox, path, params)).json).toEqual({
					...first,
					treatmentStatus: 'ALREADY_PROCESSED',
				});
			}
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(4);
		});

		it('a lost answer (HTTP 500 after the work) is replayed, with the original campaign and figures', async () => {
			t.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms' });
			expect((await sendJson(t.sandbox, unique)).status).toBe(500);
			t.clock.advance(60_000);
			const replay = await sendJson(t.sandbox, unique);
			const [campaign] = t.sandbox.state.campaigns(LOGIN);
			expect(replay.json).toMatchObject({
				status: 100,
				campaignId: campaign.id,
				credits: 10_000 - 15,
				creditsUsed: 15,
				treatmentStatus: 'ALREADY_PROCESSED',
			});
		});

		it('an identifier whose first request never reached the API (HTML page before the work) is still free', async () => {
			t.sandbox.injectFault({ mode: 'htmlErrorPage', apiMethod: 'sendSms' });
			expect((await sendJson(t.sandbox, unique)).status).toBe(502);
			const retry = await sendJson(t.sandbox, unique);
			expect(retry.json.status).toBe(100);
			expect(retry.json).not.toHaveProperty('treatmentStatus');
		});

		it('a refused request does not consume its identifier', async () => {
			expect(
				(await sendJson(t.sandbox, { ...unique, SMS: [{ MOBILEPHONE: '0491000000' }] })).json
					.status,
			).toBe(114);
			expect((await sendJson(t.sandbox, unique)).json).toMatchObject({ status: 100 });
		});
	});
});
