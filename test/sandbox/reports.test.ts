import {
	API_KEY,
	LOGIN,
	parseXml,
	post,
	sendJson,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

/**
 * Delivery reports, replies and campaigns (sections 9-16, 20, annexes 3-4) over raw HTTP,
 * answers shaped like the manual's examples.
 */

const auth = { login: LOGIN, apiKey: API_KEY };
const MINUTE = 60_000;

let t: TestSandbox;
beforeEach(async () => {
	t = await startTestSandbox();
});
afterEach(async () => {
	await t.sandbox.close();
});

/** sendSms through HTTP; returns the campaign id and the SMS ids in order. */
async function send(
	numbers: string[],
	extra: Record<string, unknown> = {},
): Promise<{ campaignId: string; smsIds: string[] }> {
	const answer = await sendJson(t.sandbox, {
		MESSAGE: `Bonjour ${Math.random()} https://allmysms.com STOP au 36180`,
		SMS: numbers.map((MOBILEPHONE) => ({ MOBILEPHONE })),
		...extra,
	});
	expect([100, 101]).toContain(answer.json.status);
	return {
		campaignId: answer.json.campaignId,
		smsIds: answer.json.smsIds.map((sms: { smsId: string }) => sms.smsId),
	};
}

describe('getAcks (9) and getAckBySmsId (10)', () => {
	it('getAcks answers acks[] with statut as a string and the campaign cliMsgId, like 9.2; status 3 at send time', async () => {
		const { campaignId, smsIds } = await send(['0611111111', '0622222222'], { CLIMSGID: 'abc' });
		t.clock.advance(MINUTE);
		t.sandbox.state.deliverAck(smsIds[0], 1);
		const answer = await post(t.sandbox, '/getAcks/', { ...auth, campId: campaignId });
		expect(answer.json).toEqual({
			acks: [
				{
					phoneNumber: '33611111111',
					statut: '1',
					comment: 'Delivered',
					receptionDate: '2025-06-02 12:01:00',
				},
				{
					phoneNumber: '33622222222',
					statut: '3',
					comment: 'Transmitted',
					receptionDate: '2025-06-02 12:00:00',
				},
			],
			cliMsgId: 'abc',
		});
		const xml = await post(t.sandbox, '/getAcks/', {
			...auth,
			campId: campaignId,
			returnformat: 'xml',
		});
		expect(parseXml(xml.text).getAcks).toEqual({
			acks: {
				ack: [expect.objectContaining({ statut: '1' }), expect.objectContaining({ statut: '3' })],
			},
			cliMsgId: 'abc',
		});
	});

	it('getAcks errors: missing campId, unknown or foreign campaign, bad type, bad key ({error})', async () => {
		const { campaignId } = await send(['0611111111']);
		expect((await post(t.sandbox, '/getAcks/', auth)).json).toEqual({
			error: 'Paramètre campId manquant',
		});
		expect((await post(t.sandbox, '/getAcks/', { ...auth, campId: 'nope' })).json).toEqual({
			error: "La campagne n'a pas été trouvée",
		});
		expect(
			(await post(t.sandbox, '/getAcks/', { ...auth, campId: campaignId, type: 'vocal' })).json,
		).toEqual({ error: "La campagne n'a pas été trouvée" });
		expect(
			(await post(t.sandbox, '/getAcks/', { ...auth, campId: campaignId, type: 'SMS' })).json.acks,
		).toHaveLength(1);
		expect(
			(await post(t.sandbox, '/getAcks/', { ...auth, campId: campaignId, type: 'fax' })).json,
		).toEqual({ error: 'Paramètre type invalide (sms ou vocal)' });
		// The sub-account does not see its master's campaigns.
		expect(
			(
				await post(
					t.sandbox,
					'/getAcks/',
					{ ...auth, campId: campaignId },
					{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
				)
			).json.error,
		).toBe("La campagne n'a pas été trouvée");
		expect(
			(await post(t.sandbox, '/getAcks/', { login: LOGIN, apiKey: 'bad', campId: campaignId }))
				.json,
		).toEqual({
			error:
				'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
		});
	});

	it('getAckBySmsId answers one ack with status as a string (10.2); errors for unknown, programmed, missing', async () => {
		const { smsIds } = await send(['0611111111']);
		t.sandbox.state.deliverAck(smsIds[0], 4, { comment: 'Blocked by operator' });
		const answer = await post(t.sandbox, '/getAckBySmsId/', { ...auth, smsId: smsIds[0] });
		expect(Object.keys(answer.json)).toEqual(['phoneNumber', 'status', 'comment', 'receptionDate']);
		expect(answer.json).toEqual({
			phoneNumber: '33611111111',
			status: '4',
			comment: 'Blocked by operator',
			receptionDate: '2025-06-02 12:00:00',
		});
		expect(
			parseXml(
				(
					await post(t.sandbox, '/getAckBySmsId/', {
						...auth,
						smsId: smsIds[0],
						returnformat: 'xml',
					})
				).text,
			).getAckBySmsId.status,
		).toBe('4');

		const programmed = await send(['0622222222'], { DATE: '2025-06-03 10:00:00' });
		expect(
			(await post(t.sandbox, '/getAckBySmsId/', { ...auth, smsId: programmed.smsIds[0] })).json,
		).toEqual({ error: 'Aucun accusé de réception pour ce SMS' });
		expect((await post(t.sandbox, '/getAckBySmsId/', { ...auth, smsId: 'nope' })).json).toEqual({
			error: "Le SMS n'a pas été trouvé",
		});
		expect((await post(t.sandbox, '/getAckBySmsId/', auth)).json).toEqual({
			error: 'Paramètre smsId manquant',
		});
	});

	it('deliverAck refuses an SMS not sent yet and a status outside annex 3', async () => {
		const programmed = await send(['0622222222'], { DATE: '2025-06-03 10:00:00' });
		expect(() => t.sandbox.state.deliverAck(programmed.smsIds[0], 1)).toThrow(/not been sent/);
		const { smsIds } = await send(['0611111111']);
		expect(() => t.sandbox.state.deliverAck(smsIds[0], 6 as never)).toThrow(/annex 3/);
	});
});

describe('getPulls (14), getPull (15), getPullBySmsId (16)', () => {
	it('getPulls: newest first, limit (default 1000), each reply only once; getPull keeps them all, oldest first, with cliMsgId', async () => {
		const { campaignId, smsIds } = await send(['0611111111', '0622222222'], { CLIMSGID: 'c-1' });
		for (const [index, message] of ['Un', 'Deux', 'Trois'].entries()) {
			t.clock.advance(MINUTE);
			t.sandbox.state.addReply(smsIds[index % 2], message);
		}
		const first = await post(t.sandbox, '/getPulls/', { ...auth, limit: '2' });
		expect(first.json).toEqual({
			mos: [
				{
					phoneNumber: '33611111111',
					id: expect.any(String),
					campaignId,
					message: 'Trois',
					receptionDate: '2025-06-02 12:03:00',
				},
				{
					phoneNumber: '33622222222',
					id: expect.any(String),
					campaignId,
					message: 'Deux',
					receptionDate: '2025-06-02 12:02:00',
				},
			],
		});
		expect(
			(await post(t.sandbox, '/getPulls/', auth)).json.mos.map(
				(mo: { message: string }) => mo.message,
			),
		).toEqual(['Un']);
		expect((await post(t.sandbox, '/getPulls/', auth)).json).toEqual({ mos: [] });
		expect((await post(t.sandbox, '/getPulls/', { ...auth, returnformat: 'xml' })).text).toContain(
			'<getPulls>\n  <mos></mos>\n</getPulls>',
		);

		const pull = await post(t.sandbox, '/getPull/', { ...auth, campId: campaignId });
		expect(pull.json.mos.map((mo: { message: string }) => mo.message)).toEqual([
			'Un',
			'Deux',
			'Trois',
		]);
		expect(pull.json.cliMsgId).toBe('c-1');
		expect(Object.keys(pull.json.mos[0])).toEqual([
			'phoneNumber',
			'id',
			'campaignId',
			'message',
			'receptionDate',
		]);
		expect(
			parseXml(
				(await post(t.sandbox, '/getPull/', { ...auth, campId: campaignId, returnformat: 'xml' }))
					.text,
			).getPull.mos.mo,
		).toHaveLength(3);
		expect((await post(t.sandbox, '/getPull/', auth)).json).toEqual({
			error: 'Paramètre campId manquant',
		});
	});

	it('getPulls default limit is 1000', async () => {
		const { smsIds } = await send(['0611111111']);
		for (let index = 0; index < 1001; index++) t.sandbox.state.addReply(smsIds[0], `R${index}`);
		expect((await post(t.sandbox, '/getPulls/', auth)).json.mos).toHaveLength(1000);
		expect((await post(t.sandbox, '/getPulls/', auth)).json.mos).toHaveLength(1);
	});

	it('getPullBySmsId answers the latest reply under a lower-case XML root (16.2)', async () => {
		const { campaignId, smsIds } = await send(['0611111111']);
		t.sandbox.state.addReply(smsIds[0], 'Premier');
		t.clock.advance(MINUTE);
		t.sandbox.state.addReply(smsIds[0], 'Second');
		const answer = await post(t.sandbox, '/getPullBySmsId/', { ...auth, smsId: smsIds[0] });
		expect(answer.json).toEqual({
			phoneNumber: '33611111111',
			campaignId,
			message: 'Second',
			receptionDate: '2025-06-02 12:01:00',
		});
		const xml = await post(t.sandbox, '/getPullBySmsId/', {
			...auth,
			smsId: smsIds[0],
			returnformat: 'xml',
		});
		expect(parseXml(xml.text)).toEqual({
			'?xml': '',
			getpullbysmsid: {
				phoneNumber: '33611111111',
				campaignId,
				message: 'Second',
				receptionDate: '2025-06-02 12:01:00',
			},
		});
	});

	it('a STOP reply blacklists the number for the campaign, and the next send discards it', async () => {
		const { campaignId, smsIds } = await send(['0611111111']);
		t.sandbox.state.addReply(smsIds[0], 'Stop');
		expect(t.sandbox.state.account(LOGIN).blacklist.get('33611111111')).toEqual(
			expect.objectContaining({ comment: 'stop', campaignId }),
		);
		const again = await sendJson(t.sandbox, {
			MESSAGE: 'Encore STOP au 36180',
			SMS: [{ MOBILEPHONE: '0611111111' }],
		});
		expect(again.json.status).toBe(114);
	});
});

describe('getCampaignStats (11), getCampaignInfo (12), getCampaignsInfo (13)', () => {
	it('getCampaignStats computes the figures from the SMS, tpoa in JSON and tppa in XML, msisdnList on demand', async () => {
		const { campaignId, smsIds } = await send(
			['0611111111', '0622222222', '0633333333', '0644444444'],
			{ TRACKING: 1, CAMPAIGN_NAME: 'Soldes' },
		);
		t.sandbox.state.deliverAck(smsIds[0], 1);
		t.sandbox.state.deliverAck(smsIds[1], 2);
		t.sandbox.state.deliverAck(smsIds[2], 4);
		t.sandbox.state.addReply(smsIds[0], 'STOP');
		t.sandbox.state.recordClicks(smsIds[0], 3);
		const answer = await post(t.sandbox, '/getCampaignStats/', {
			...auth,
			campaignId,
			msisdnList: '1',
		});
		expect(Object.keys(answer.json.campaign)).toEqual([
			'campaignId',
			'campaignName',
			'dateCommand',
			'dateSent',
			'status',
			'message',
			'nbSms',
			'nbContacts',
			'usedLists',
			'tpoa',
			'delivered',
			'undelivered',
			'pending',
			'error',
			'invalid',
			'stop',
			'mo',
			'click',
			'tracking',
			'trackedLink',
			'uniqueClick',
			'msisdnList',
		]);
		expect(answer.json.campaign).toEqual(
			expect.objectContaining({
				campaignName: 'Soldes',
				status: 'sent',
				nbSms: 4,
				delivered: 1,
				undelivered: 1,
				pending: 1,
				error: 1,
				invalid: 0,
				stop: 1,
				mo: 1,
				click: 3,
				tracking: true,
				trackedLink: 'https://allmysms.com',
				uniqueClick: 1,
			}),
		);
		expect(answer.json.campaign.msisdnList[0]).toEqual({
			msisdn: '33611111111',
			status: '1',
			dateReceived: '2025-06-02 12:00:00',
			smsId: smsIds[0],
			clicks: 3,
		});
		expect(answer.json.campaign.msisdnList[3]).toEqual({
			msisdn: '33644444444',
			status: '0',
			smsId: smsIds[3],
			clicks: 0,
		});

		const xml = parseXml(
			(await post(t.sandbox, '/getCampaignStats/', { ...auth, campaignId, returnformat: 'xml' }))
				.text,
		).getCampaignStats.campaign;
		expect(xml.tppa).toBe('36180');
		expect(xml).not.toHaveProperty('tpoa');
		expect(xml).not.toHaveProperty('msisdnList');
		expect(xml.tracking).toBe('true');
		expect((await post(t.sandbox, '/getCampaignStats/', auth)).json).toEqual({
			error: 'Paramètre campaignId manquant',
		});
	});

	it('getCampaignInfo and getCampaignsInfo follow each example: field order, tppa/tboa, lists (XML) or usedLists (JSON)', async () => {
		const { campaignId } = await send(['0611111111'], {
			DATE: '2025-06-03 09:00:00',
			TPOA: 'ACME',
		});
		const info = await post(t.sandbox, '/getCampaignInfo/', { ...auth, campaignId });
		expect(Object.keys(info.json.campaign)).toEqual([
			'id',
			'name',
			'message',
			'tppa',
			'commandDate',
			'sendingDate',
			'nbSms',
			'nbContacts',
			'status',
			'usedLists',
			'tracking',
		]);
		expect(info.json.campaign).toEqual(
			expect.objectContaining({
				id: campaignId,
				name: 'API',
				tppa: 'ACME',
				commandDate: '2025-06-02 12:00:00',
				sendingDate: '2025-06-03 09:00:00',
				status: 'programmed',
				nbSms: 1,
				tracking: false,
			}),
		);
		const infoXml = parseXml(
			(await post(t.sandbox, '/getCampaignInfo/', { ...auth, campaignId, returnformat: 'xml' }))
				.text,
		).getCampaignInfo.campaign;
		expect(Object.keys(infoXml)).toEqual([
			'id',
			'name',
			'commandDate',
			'sendingDate',
			'status',
			'message',
			'nbSms',
			'nbContacts',
			'lists',
			'tppa',
			'tracking',
		]);

		const list = await post(t.sandbox, '/getCampaignsInfo/', {
			...auth,
			startDate: '2025-06-03',
			endDate: '2025-06-03',
		});
		expect(Object.keys(list.json.campaigns[0])).toEqual([
			'id',
			'name',
			'message',
			'tboa',
			'commandDate',
			'sendingDate',
			'nbSms',
			'nbContacts',
			'status',
			'usedLists',
			'tracking',
		]);
		const listXml = parseXml(
			(
				await post(t.sandbox, '/getCampaignsInfo/', {
					...auth,
					startDate: '2025-06-03',
					endDate: '2025-06-03',
					returnformat: 'xml',
				})
			).text,
		);
		expect(Object.keys(listXml.getCampaignsInfo.campaigns.campaign)).toEqual([
			'id',
			'name',
			'commandDate',
			'sendingDate',
			'status',
			'message',
			'nbSms',
			'nbContacts',
			'lists',
			'tboa',
			'tracking',
		]);
	});

	it('getCampaignsInfo: period on the sending date (a date alone is the whole day), chronological order, limit 10 by default and 100 at most, offset', async () => {
		// Created newest first: the answer still lists them by sending date.
		t.sandbox.state.seedCampaigns(LOGIN, 60, {
			from: new Date('2025-05-20T08:00:00Z'),
			everyMs: -MINUTE,
		});
		t.sandbox.state.seedCampaigns(LOGIN, 150, {
			from: new Date('2025-05-21T08:00:00Z'),
			name: 'Later',
		});
		const page = (extra: Record<string, string>) =>
			post(t.sandbox, '/getCampaignsInfo/', {
				...auth,
				startDate: '2025-05-01',
				endDate: '2025-05-31',
				...extra,
			});
		const byDefault = (await page({})).json.campaigns;
		expect(byDefault).toHaveLength(10);
		expect(byDefault.map((campaign: { name: string }) => campaign.name).slice(0, 2)).toEqual([
			'Campaign 60',
			'Campaign 59',
		]);
		expect((await page({ limit: '500' })).json.campaigns).toHaveLength(100);
		const last = (await page({ limit: '100', offset: '200' })).json.campaigns;
		expect(last.map((campaign: { name: string }) => campaign.name)).toEqual(
			Array.from({ length: 10 }, (_, index) => `Later ${141 + index}`),
		);
		expect(
			(await page({ startDate: '2025-05-20', endDate: '2025-05-20', limit: '100' })).json.campaigns,
		).toHaveLength(60);
		expect(
			(
				await page({ startDate: '2025-05-20 09:58:00', endDate: '2025-05-20 10:00:00' })
			).json.campaigns.map((campaign: { name: string }) => campaign.name),
		).toEqual(['Campaign 3', 'Campaign 2', 'Campaign 1']);
		expect((await page({ status: 'programmed' })).json.campaigns).toEqual([]);
	});

	it('getCampaignsInfo errors: missing or malformed dates, unknown status', async () => {
		expect(
			(await post(t.sandbox, '/getCampaignsInfo/', { ...auth, endDate: '2025-05-31' })).json,
		).toEqual({ error: 'Paramètre startDate manquant' });
		expect(
			(
				await post(t.sandbox, '/getCampaignsInfo/', {
					...auth,
					startDate: '2025-05-01',
					endDate: '31/05/2025',
				})
			).json,
		).toEqual({
			error: 'Paramètre endDate invalide (YYYY-MM-JJ ou YYYY-MM-JJ HH:MM:SS)',
		});
		expect(
			(
				await post(t.sandbox, '/getCampaignsInfo/', {
					...auth,
					startDate: '2025-05-01',
					endDate: '2025-05-31',
					status: 'done',
				})
			).json.error,
		).toBe('Paramètre status invalide (all, sent, programmed ou cancelled)');
	});
});

describe('deleteCampaign (20, annex 4)', () => {
	it('OK cancels a programmed campaign and refunds it; then CAMPAIGNALREADYDELETED; camId works too', async () => {
		const credits = t.sandbox.state.account(LOGIN).credits;
		const { campaignId } = await send(['0611111111', '0622222222'], {
			DATE: '2025-06-03 09:00:00',
		});
		expect(t.sandbox.state.account(LOGIN).credits).toBe(credits - 30);
		expect(
			(await post(t.sandbox, '/deleteCampaign/', { ...auth, camId: campaignId })).json,
		).toEqual({ status: 'OK' });
		expect(t.sandbox.state.account(LOGIN).credits).toBe(credits);
		expect(t.sandbox.state.campaign(LOGIN, campaignId)?.status).toBe('cancelled');
		const again = await post(t.sandbox, '/deleteCampaign/', {
			...auth,
			campId: campaignId,
			returnformat: 'xml',
		});
		expect(parseXml(again.text)).toEqual({
			'?xml': '',
			deleteCampaign: { status: 'CAMPAIGNALREADYDELETED', statusText: 'Campagne déjà supprimée' },
		});
		// A cancelled campaign is never sent, even after its date.
		t.clock.advance(2 * 24 * 60 * MINUTE);
		expect(t.sandbox.state.campaign(LOGIN, campaignId)?.status).toBe('cancelled');
	});

	it('refusals: missing id, unknown, immediate, already sent, bad key', async () => {
		const immediate = await send(['0611111111']);
		const programmed = await send(['0622222222'], { DATE: '2025-06-02 12:30:00' });
		t.clock.advance(31 * MINUTE);
		const status = async (params: Record<string, string>) =>
			(await post(t.sandbox, '/deleteCampaign/', params)).json;
		expect(await status(auth)).toEqual({
			status: 'CAMPIDNOTFOUND',
			statusText: 'Paramètre campId manquant',
		});
		expect(await status({ ...auth, campId: 'nope' })).toEqual({
			status: 'CAMPNOTFOUND',
			statusText: "La campagne n'a pas été trouvée",
		});
		expect(await status({ ...auth, campId: immediate.campaignId })).toEqual({
			status: 'BADCAMPAIGNSENDINGTYPE',
			statusText: "La campagne n'est pas programmée",
		});
		expect(await status({ ...auth, campId: programmed.campaignId })).toEqual({
			status: 'CAMPALREADYSENT',
			statusText: 'La campagne a déjà été envoyée',
		});
		expect(await status({ login: LOGIN, apiKey: 'bad', campId: programmed.campaignId })).toEqual({
			status: 'CAMPIDNOTFOUND',
			statusText: "Problème d'identification",
		});
	});
});

describe('control routes', () => {
	it('deliver an ack, add a reply, count clicks and seed campaigns over HTTP', async () => {
		const { campaignId, smsIds } = await send(['0611111111'], { TRACKING: 1 });
		const control = async (path: string, body: unknown) => {
			const response = await fetch(`${t.sandbox.url}/_sandbox${path}`, {
				method: 'POST',
				body: JSON.stringify(body),
			});
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			return { status: response.status, json: (await response.json()) as any };
		};
		expect(
			await control(`/sms/${smsIds[0]}/ack`, { status: 2, date: '2025-06-02 12:05:00' }),
		).toEqual({
			status: 201,
			json: expect.objectContaining({ ackStatus: 2, receptionDate: '2025-06-02 12:05:00' }),
		});
		expect((await control(`/sms/${smsIds[0]}/replies`, { message: 'Qui est-ce ?' })).json).toEqual(
			expect.objectContaining({ campaignId, smsId: smsIds[0], message: 'Qui est-ce ?' }),
		);
		expect((await control(`/sms/${smsIds[0]}/clicks`, { count: 2 })).json.clicks).toBe(2);
		expect((await control('/sms/nope/ack', { status: 1 })).status).toBe(404);
		expect((await control(`/sms/${smsIds[0]}/ack`, { status: 9 })).status).toBe(400);
		const seeded = await control(`/accounts/${LOGIN}/campaigns`, {
			count: 3,
			from: '2025-06-10 09:00:00',
			name: 'Plan',
		});
		expect(seeded.status).toBe(201);
		expect(
			seeded.json.campaigns.map((campaign: { status: string; sendingDate: string }) => [
				campaign.status,
				campaign.sendingDate,
			]),
		).toEqual([
			['programmed', '2025-06-10 09:00:00'],
			['programmed', '2025-06-10 09:01:00'],
			['programmed', '2025-06-10 09:02:00'],
		]);
		const stats = (await post(t.sandbox, '/getCampaignStats/', { ...auth, campaignId })).json
			.campaign;
		expect([stats.undelivered, stats.mo, stats.click]).toEqual([1, 1, 2]);
	});
});
