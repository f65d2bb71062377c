import { API_KEY, LOGIN, post, sendJson, startTestSandbox, type TestSandbox } from './helpers';

const DUPLICATE_TEXT =
	"Requête rejetée car une requête identique a été envoyée dans un laps de temps de moins de 10 secondes. Système de sécurité mis en place pour éviter l'envoi en boucle de message.";

describe('anti-replay guards (decisions 12 and 13)', () => {
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
			expect((await sendJson(t.sandbox, data)).json).toEqual({ status: 121, statusText: DUPLICATE_TEXT });
			t.clock.advance(1);
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(2);
		});

		it('ignores returnformat when comparing, not the flow', async () => {
			await sendJson(t.sandbox, data);
			expect((await sendJson(t.sandbox, data, { returnformat: 'xml' })).text).toContain('<status>121</status>');
			expect((await sendJson(t.sandbox, { ...data, MESSAGE: 'Hello!' })).json.status).toBe(100);
		});

		it('is per account: the same request for a sub-account is accepted', async () => {
			await sendJson(t.sandbox, data);
			expect((await sendJson(t.sandbox, data, {}, { 'Allmysms-Subaccount': 'jdoe_subaccount' })).json.status).toBe(100);
		});

		it('only remembers accepted requests', async () => {
			const bad = { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0491000000' }] };
			expect((await sendJson(t.sandbox, bad)).json.status).toBe(114);
			expect((await sendJson(t.sandbox, bad)).json.status).toBe(114);
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
			const other = await sendJson(t.sandbox, { ...unique, MESSAGE: 'Other' }, { returnformat: 'xml' });
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
			const simple = await post(t.sandbox, '/', { login: LOGIN, apiKey: API_KEY, message: 'Hello', mobile: '0612345678', uniqueidentifier: 'order-42' });
			expect(simple.json.status).toBe(100);
			expect(simple.json).not.toHaveProperty('treatmentStatus');
			const replay = await post(t.sandbox, '/', { login: LOGIN, apiKey: API_KEY, message: 'Hello', mobile: '0612345678', uniqueidentifier: 'order-42' });
			expect(replay.json).toEqual({ ...simple.json, treatmentStatus: 'ALREADY_PROCESSED' });
			const sub = await sendJson(t.sandbox, unique, {}, { 'Allmysms-Subaccount': 'jdoe_subaccount' });
			expect(sub.json).not.toHaveProperty('treatmentStatus');
		});

		it('160 while the first request is still being processed', async () => {
			t.sandbox.injectFault({ apiMethod: 'sendSms', delayMs: 400 });
			const slow = sendJson(t.sandbox, unique);
			await new Promise((resolve) => setTimeout(resolve, 150));
			const concurrent = await sendJson(t.sandbox, unique);
			expect(concurrent.json).toEqual({ status: 160, statusText: 'Une requête avec cet identifiant unique est déjà en cours de traitement' });
			const first = await slow;
			expect(first.json.status).toBe(100);
			expect((await sendJson(t.sandbox, unique)).json.treatmentStatus).toBe('ALREADY_PROCESSED');
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(1);
		});

		it('a refused request does not consume its identifier', async () => {
			expect((await sendJson(t.sandbox, { ...unique, SMS: [{ MOBILEPHONE: '0491000000' }] })).json.status).toBe(114);
			expect((await sendJson(t.sandbox, unique)).json).toMatchObject({ status: 100 });
		});
	});
});
