import type { INodeParameters } from 'n8n-workflow';

import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo } from '../helpers/sandbox';
import { accountWithClock, sendCampaign } from './helpers';
import type { Clock } from './helpers';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount & { clock: Clock };

beforeEach(async () => {
	account = await accountWithClock();
});

afterEach(async () => {
	await account.sandbox.close();
});

const HOUR = 3600_000;

const listCampaigns = (extra: INodeParameters = {}) =>
	runAllMySmsNode({
		credentials: account.credentials,
		parameters: {
			resource: 'campaign',
			operation: 'getCampaignsInfo',
			startDate: '2025-06-01T00:00:00',
			endDate: '2025-06-30T23:59:59',
			...extra,
		},
	});

describe('getCampaignsInfo', () => {
	test('Return All over 250 campaigns makes three requests of 100 (offset 0, 100, 200) and outputs 250 items in sending order', async () => {
		account.sandbox.state.seedCampaigns(account.login, 250, {
			from: new Date('2025-06-01T08:00:00Z'),
		});
		const { items, error } = await listCampaigns({ returnAll: true });
		expect(error).toBeUndefined();
		const requests = requestsTo(account.sandbox, 'getCampaignsInfo');
		expect(requests.map((request) => [request.form.limit, request.form.offset])).toEqual([
			['100', '0'],
			['100', '100'],
			['100', '200'],
		]);
		// The transport's hooks ran for every page: credentials, format and period on each.
		for (const request of requests) {
			expect(request.form).toEqual({
				login: account.login,
				apiKey: account.apiKey,
				returnformat: 'json',
				startDate: '2025-06-01 00:00:00',
				endDate: '2025-06-30 23:59:59',
				limit: '100',
				offset: request.form.offset,
			});
		}
		expect(items).toHaveLength(250);
		expect(items.map((item) => item.json.name)).toEqual(
			Array.from({ length: 250 }, (_, index) => `Campaign ${index + 1}`),
		);
		expect(items[0].json).toEqual({
			id: expect.any(String),
			name: 'Campaign 1',
			message: 'Message 1 STOP au 36180',
			tpoa: '36180',
			commandDate: '2025-06-01 10:00:00',
			sendingDate: '2025-06-01 10:00:00',
			nbSms: 1,
			nbContacts: 1,
			status: 'sent',
			usedLists: '',
			tracking: false,
		});
	});
});

describe('getCampaignsInfo, one page', () => {
	test('with Return All off, the Limit is sent as limit (no offset) and that many campaigns come out', async () => {
		account.sandbox.state.seedCampaigns(account.login, 120, {
			from: new Date('2025-06-01T08:00:00Z'),
		});
		const { items } = await listCampaigns({ returnAll: false, limit: 30 });
		const requests = requestsTo(account.sandbox, 'getCampaignsInfo');
		expect(requests).toHaveLength(1);
		expect(requests[0].form.limit).toBe('30');
		expect(requests[0].form).not.toHaveProperty('offset');
		expect(items.map((item) => item.json.name)).toEqual(
			Array.from({ length: 30 }, (_, index) => `Campaign ${index + 1}`),
		);
	});

	test('the options become the manual parameters and AllMySMS filters on them', async () => {
		const { state } = account.sandbox;
		state.seedCampaigns(account.login, 3, { from: new Date('2025-06-01T08:00:00Z'), name: 'Old' });
		state.seedCampaigns(account.login, 2, {
			from: new Date('2025-06-10T08:00:00Z'),
			name: 'Promo',
		});
		state.seedCampaigns(account.login, 1, {
			from: new Date('2025-06-11T08:00:00Z'),
			name: 'Promo test',
			test: true,
		});
		const { items } = await listCampaigns({
			options: { status: 'programmed', search: 'promo', hideTestCampaigns: true, type: 'sms' },
		});
		expect(requestsTo(account.sandbox, 'getCampaignsInfo')[0].form).toEqual(
			expect.objectContaining({
				status: 'programmed',
				search: 'promo',
				hideTestCampaigns: '1',
				type: 'sms',
			}),
		);
		expect(items.map((item) => [item.json.name, item.json.status])).toEqual([
			['Promo 1', 'programmed'],
			['Promo 2', 'programmed'],
		]);
	});

	test("dates are read in the workflow's time zone and sent in French time", async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			timezone: 'America/New_York',
			parameters: {
				resource: 'campaign',
				operation: 'getCampaignsInfo',
				startDate: '2025-06-01T00:00:00',
				endDate: '2025-06-01T18:30:00',
			},
		});
		const [request] = requestsTo(account.sandbox, 'getCampaignsInfo');
		expect([request.form.startDate, request.form.endDate]).toEqual([
			'2025-06-01 06:00:00',
			'2025-06-02 00:30:00',
		]);
	});

	test('an End Date before the Start Date stops the node before any request', async () => {
		const { error } = await listCampaigns({
			startDate: '2025-06-10T00:00:00',
			endDate: '2025-06-09T00:00:00',
		});
		expect(error?.message).toBe(
			'Invalid "End Date" in item 0: 2025-06-09 00:00:00 is before the Start Date 2025-06-10 00:00:00',
		);
		expect(requestsTo(account.sandbox, 'getCampaignsInfo')).toHaveLength(0);
	});

	test('a campaign sent through the API is listed with its own sender, as tpoa (section 13 writes tboa)', async () => {
		await sendCampaign(account, {
			numbers: ['0611111111', '0622222222'],
			tpoa: 'ACME',
			name: 'Soldes',
		});
		const { items } = await listCampaigns();
		expect(requestsTo(account.sandbox, 'getCampaignsInfo')[0].answer.body).toContain(
			'"tboa":"ACME"',
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				name: 'Soldes',
				tpoa: 'ACME',
				nbContacts: 2,
				nbSms: 2,
				status: 'sent',
			}),
		);
		expect(items[0].json).not.toHaveProperty('tboa');
	});

	test('XML answers give the same items as JSON ones, across pages', async () => {
		account.sandbox.state.seedCampaigns(account.login, 150, {
			from: new Date('2025-06-01T08:00:00Z'),
			tracking: true,
		});
		const xml = await listCampaigns({ returnAll: true, options: { requestFormat: 'xml' } });
		const json = await listCampaigns({ returnAll: true });
		const xmlRequests = requestsTo(account.sandbox, 'getCampaignsInfo').filter(
			(request) => request.form.returnformat === 'xml',
		);
		expect(xmlRequests.map((request) => request.form.offset)).toEqual(['0', '100']);
		expect(xmlRequests[0].answer.body).toMatch(
			/<campaigns>\s*<campaign>\s*<id>[\s\S]*<lists><\/lists>\s*<tboa>36180<\/tboa>\s*<tracking>true<\/tracking>/,
		);
		expect(xml.items).toHaveLength(150);
		expect(xml.items.map((item) => item.json)).toEqual(json.items.map((item) => item.json));
		expect(xml.items[0].json).toEqual(
			expect.objectContaining({ nbSms: 1, tracking: true, usedLists: '', tpoa: '36180' }),
		);
	});
});

describe('getCampaignStats', () => {
	async function campaignWithActivity() {
		const sent = await sendCampaign(account, {
			numbers: ['0611111111', '0622222222', '0633333333'],
			tracking: true,
			tpoa: 'ACME',
		});
		const [first, second, third] = sent.smsIds.map((sms) => sms.smsId);
		const { state } = account.sandbox;
		account.clock.advance(60_000);
		state.deliverAck(first, 1);
		state.deliverAck(second, 2);
		state.addReply(first, 'Merci !');
		state.addReply(third, 'STOP');
		state.recordClicks(first, 2);
		state.recordClicks(second, 1);
		return { campaignId: sent.campaignId, smsIds: [first, second, third] };
	}

	test('outputs the campaign with its figures, and each number with its status and clicks', async () => {
		const { campaignId, smsIds } = await campaignWithActivity();
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'campaign',
				operation: 'getCampaignStats',
				campaignId,
				options: { msisdnList: true },
			},
		});
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'getCampaignStats')[0].form).toEqual(
			expect.objectContaining({ campaignId, msisdnList: '1' }),
		);
		expect(items.map((item) => item.json)).toEqual([
			{
				campaignId,
				campaignName: 'API',
				dateCommand: '2025-06-02 12:00:00',
				dateSent: '2025-06-02 12:00:00',
				status: 'sent',
				message: expect.stringContaining('https://allmysms.com'),
				nbSms: 3,
				nbContacts: 3,
				usedLists: '',
				tpoa: 'ACME',
				delivered: 1,
				undelivered: 1,
				pending: 1,
				error: 0,
				invalid: 0,
				stop: 1,
				mo: 2,
				click: 3,
				tracking: true,
				trackedLink: 'https://allmysms.com',
				uniqueClick: 2,
				msisdnList: [
					{
						msisdn: '33611111111',
						status: 1,
						dateReceived: '2025-06-02 12:01:00',
						smsId: smsIds[0],
						clicks: 2,
					},
					{
						msisdn: '33622222222',
						status: 2,
						dateReceived: '2025-06-02 12:01:00',
						smsId: smsIds[1],
						clicks: 1,
					},
					{ msisdn: '33633333333', status: 0, smsId: smsIds[2], clicks: 0 },
				],
			},
		]);
	});

	test('without Include Numbers there is no msisdnList; the XML answer (tppa) gives the same item as the JSON one (tpoa)', async () => {
		const { campaignId } = await campaignWithActivity();
		const run = (requestFormat: 'json' | 'xml') =>
			runAllMySmsNode({
				credentials: account.credentials,
				parameters: {
					resource: 'campaign',
					operation: 'getCampaignStats',
					campaignId,
					options: { requestFormat },
				},
			});
		const xml = await run('xml');
		const json = await run('json');
		const [xmlRequest, jsonRequest] = requestsTo(account.sandbox, 'getCampaignStats');
		expect(xmlRequest.form).not.toHaveProperty('msisdnList');
		expect(xmlRequest.answer.body).toContain('<tppa>ACME</tppa>');
		expect(jsonRequest.answer.body).toContain('"tpoa":"ACME"');
		expect(xml.items[0].json).toEqual(json.items[0].json);
		expect(xml.items[0].json).not.toHaveProperty('msisdnList');
		expect(xml.items[0].json).toEqual(
			expect.objectContaining({ tpoa: 'ACME', delivered: 1, mo: 2, tracking: true }),
		);
	});

	test('a one-number campaign still gives msisdnList as a list from XML', async () => {
		const sent = await sendCampaign(account, { numbers: ['0611111111'] });
		account.sandbox.state.deliverAck(sent.smsIds[0].smsId, 1);
		const run = (requestFormat: 'json' | 'xml') =>
			runAllMySmsNode({
				credentials: account.credentials,
				parameters: {
					resource: 'campaign',
					operation: 'getCampaignStats',
					campaignId: sent.campaignId,
					options: { msisdnList: true, requestFormat },
				},
			});
		const xml = await run('xml');
		const json = await run('json');
		expect(xml.items[0].json.msisdnList).toEqual([
			{
				msisdn: '33611111111',
				status: 1,
				dateReceived: '2025-06-02 12:00:00',
				smsId: sent.smsIds[0].smsId,
				clicks: 0,
			},
		]);
		expect(xml.items[0].json).toEqual(json.items[0].json);
	});

	test("an unknown campaign fails with AllMySMS's own text", async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'campaign',
				operation: 'getCampaignStats',
				campaignId: 'nosuchcampaign00',
			},
		});
		expect(error?.message).toBe("AllMySMS: La campagne n'a pas été trouvée");
	});
});

describe('getCampaignInfo', () => {
	test('outputs the campaign, with the same item from XML (lists, tppa) and JSON (usedLists, tppa)', async () => {
		const sent = await sendCampaign(account, {
			numbers: ['0611111111'],
			date: '2025-06-03 09:30:00',
			name: 'Rappel',
		});
		const run = (requestFormat: 'json' | 'xml') =>
			runAllMySmsNode({
				credentials: account.credentials,
				parameters: {
					resource: 'campaign',
					operation: 'getCampaignInfo',
					campaignId: ` ${sent.campaignId}\n`,
					options: { requestFormat },
				},
			});
		const json = await run('json');
		const xml = await run('xml');
		expect(
			requestsTo(account.sandbox, 'getCampaignInfo').map((request) => request.form.campaignId),
		).toEqual([sent.campaignId, sent.campaignId]);
		expect(json.items.map((item) => item.json)).toEqual([
			{
				id: sent.campaignId,
				name: 'Rappel',
				message: expect.any(String),
				tpoa: '36180',
				commandDate: '2025-06-02 12:00:00',
				sendingDate: '2025-06-03 09:30:00',
				nbSms: 1,
				nbContacts: 1,
				status: 'programmed',
				usedLists: '',
				tracking: false,
			},
		]);
		expect(xml.items[0].json).toEqual(json.items[0].json);
	});

	test('the Campaign Type option is sent as type: an SMS campaign is not a voice one', async () => {
		const sent = await sendCampaign(account, { numbers: ['0611111111'] });
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'campaign',
				operation: 'getCampaignInfo',
				campaignId: sent.campaignId,
				options: { type: 'vocal' },
			},
		});
		expect(requestsTo(account.sandbox, 'getCampaignInfo')[0].form.type).toBe('vocal');
		expect(error?.message).toBe("AllMySMS: La campagne n'a pas été trouvée");
	});
});

describe('deleteCampaign', () => {
	const remove = (campaignId: string, extra: INodeParameters = {}) =>
		runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'campaign', operation: 'deleteCampaign', campaignId, ...extra },
		});

	test('cancels a scheduled campaign and gives its credits back; the ID goes as campId and camId', async () => {
		const sent = await sendCampaign(account, {
			numbers: ['0611111111', '0622222222'],
			date: '2025-06-03 09:30:00',
		});
		expect(account.sandbox.state.account(account.login).credits).toBe(10_000 - sent.creditsUsed);
		const { items, error } = await remove(sent.campaignId);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ status: 'OK' }]);
		expect(requestsTo(account.sandbox, 'deleteCampaign')[0].form).toEqual(
			expect.objectContaining({ campId: sent.campaignId, camId: sent.campaignId }),
		);
		expect(account.sandbox.state.account(account.login).credits).toBe(10_000);
		const cancelled = await listCampaigns({ options: { status: 'cancelled' } });
		expect(cancelled.items.map((item) => item.json.id)).toEqual([sent.campaignId]);
	});

	test('refuses with annex 4 codes: already deleted, already sent, not scheduled, unknown', async () => {
		const scheduled = await sendCampaign(account, {
			numbers: ['0611111111'],
			date: '2025-06-02 13:00:00',
		});
		const laterSent = await sendCampaign(account, {
			numbers: ['0622222222'],
			date: '2025-06-02 12:30:00',
		});
		const immediate = await sendCampaign(account, { numbers: ['0633333333'] });
		await remove(scheduled.campaignId);
		account.clock.advance(HOUR / 2);

		const again = await remove(scheduled.campaignId);
		expect(again.error?.message).toBe('AllMySMS: Campagne déjà supprimée (CAMPAIGNALREADYDELETED)');
		expect(again.error?.description).toBe('The campaign was already deleted.');
		expect((await remove(laterSent.campaignId)).error?.message).toBe(
			'AllMySMS: La campagne a déjà été envoyée (CAMPALREADYSENT)',
		);
		expect((await remove(immediate.campaignId)).error?.message).toBe(
			"AllMySMS: La campagne n'est pas programmée (BADCAMPAIGNSENDINGTYPE)",
		);
		expect((await remove('nosuchcampaign00')).error?.message).toBe(
			"AllMySMS: La campagne n'a pas été trouvée (CAMPNOTFOUND)",
		);
		expect(account.sandbox.state.campaign(account.login, laterSent.campaignId)?.status).toBe(
			'sent',
		);
	});

	test('a wrong API key is "Problème d\'identification", without the key', async () => {
		const { error } = await runAllMySmsNode({
			credentials: { ...account.credentials, apiKey: 'wrong-key-123' },
			parameters: { resource: 'campaign', operation: 'deleteCampaign', campaignId: 'abc' },
		});
		expect(error?.message).toBe("AllMySMS: Problème d'identification (CAMPIDNOTFOUND)");
		expect(JSON.stringify(error)).not.toContain('wrong-key-123');
	});

	test('an empty Campaign ID stops the node before any request; with Continue On Fail it is an error item', async () => {
		const { error } = await remove('  ');
		expect(error?.message).toBe('Invalid "Campaign ID" in item 0: it is empty');
		const kept = await runAllMySmsNode({
			credentials: account.credentials,
			continueOnFail: true,
			input: [{ id: '' }, { id: 'nosuchcampaign00' }],
			parameters: {
				resource: 'campaign',
				operation: 'deleteCampaign',
				campaignId: '={{ $json.id }}',
			},
		});
		expect(kept.items.map((item) => item.json.error)).toEqual([
			'Invalid "Campaign ID" in item 0: it is empty',
			"AllMySMS: La campagne n'a pas été trouvée (CAMPNOTFOUND)",
		]);
		expect(requestsTo(account.sandbox, 'deleteCampaign')).toHaveLength(1);
	});
});
