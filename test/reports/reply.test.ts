import type { INodeParameters } from 'n8n-workflow';

import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { accountWithClock, sendCampaign } from './helpers';
import type { Clock } from './helpers';

let account: TestAccount & { clock: Clock };

beforeEach(async () => {
	account = await accountWithClock();
});

afterEach(async () => {
	await account.sandbox.close();
});

const MINUTE = 60_000;

const getPulls = (parameters: INodeParameters = {}) =>
	runAllMySmsNode({
		credentials: account.credentials,
		parameters: { resource: 'reply', operation: 'getPulls', ...parameters },
	});

const getPull = (campaignId: string, options: INodeParameters = {}) =>
	runAllMySmsNode({
		credentials: account.credentials,
		parameters: { resource: 'reply', operation: 'getPull', campaignId, options },
	});

/** A campaign to two numbers, each of whom answers; a minute between replies. */
async function answeredCampaign(messages: string[]) {
	const sent = await sendCampaign(account, {
		numbers: ['0611111111', '0622222222'],
		cliMsgId: 'promo-7',
	});
	const replies = messages.map((message, index) => {
		account.clock.advance(MINUTE);
		return account.sandbox.state.addReply(sent.smsIds[index % 2].smsId, message);
	});
	return { sent, replies };
}

describe('getPulls', () => {
	test('an answer lost after AllMySMS handed the replies out: an error that says how to find them, never an empty success, and not asked again', async () => {
		await answeredCampaign(['Oui', 'Non', 'Peut-être']);
		account.sandbox.injectFault({ mode: 'truncatedJson', apiMethod: 'getPulls' });
		const { error, items } = await getPulls({ returnAll: true });
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^AllMySMS answered with/);
		expect(error?.description).toContain(
			'find them with Reply → Get by SMS ID (getPullBySmsId) or Reply → Get Many by Campaign (getPull)',
		);
		// A second getPulls would have answered "no new reply" and the execution would have succeeded.
		expect(requestsTo(account.sandbox, 'getPulls')).toHaveLength(1);
	});

	test('Limit: that many new replies, newest first; a reply read once is not returned again, getPull still has it', async () => {
		const { sent, replies } = await answeredCampaign(['Oui', 'Non', 'Peut-être']);
		const first = await getPulls({ returnAll: false, limit: 2 });
		expect(requestsTo(account.sandbox, 'getPulls')[0].form.limit).toBe('2');
		expect(first.items.map((item) => item.json)).toEqual([
			{
				phoneNumber: '33611111111',
				id: replies[2].id,
				campaignId: sent.campaignId,
				message: 'Peut-être',
				receptionDate: '2025-06-02 12:03:00',
			},
			{
				phoneNumber: '33622222222',
				id: replies[1].id,
				campaignId: sent.campaignId,
				message: 'Non',
				receptionDate: '2025-06-02 12:02:00',
			},
		]);

		const second = await getPulls({ returnAll: true });
		expect(second.items.map((item) => item.json.message)).toEqual(['Oui']);
		const third = await getPulls({ returnAll: true });
		expect(third.error).toBeUndefined();
		expect(third.items).toEqual([]);

		const byCampaign = await getPull(sent.campaignId);
		expect(byCampaign.items.map((item) => [item.json.message, item.json.cliMsgId])).toEqual([
			['Oui', 'promo-7'],
			['Non', 'promo-7'],
			['Peut-être', 'promo-7'],
		]);
	});

	test('Return All takes 1,000 replies per request until a request comes back short', async () => {
		const sent = await sendCampaign(account, { numbers: ['0611111111'] });
		for (let index = 0; index < 1500; index++)
			account.sandbox.state.addReply(sent.smsIds[0].smsId, `Réponse ${index}`);
		const { items } = await getPulls({ returnAll: true });
		const requests = requestsTo(account.sandbox, 'getPulls');
		expect(requests.map((request) => request.form.limit)).toEqual(['1000', '1000']);
		for (const request of requests)
			expect(request.form).toEqual(
				expect.objectContaining({ login: account.login, returnformat: 'json' }),
			);
		expect(items).toHaveLength(1500);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(1500);
	});

	test('Return All stops if AllMySMS ever hands the same replies out again', async () => {
		const mos = Array.from({ length: 1000 }, (_, index) => ({
			phoneNumber: '33611111111',
			id: String(index + 1),
			campaignId: 'c',
			message: 'Oui',
			receptionDate: '2025-06-02 12:00:00',
		}));
		account.sandbox.injectFault({
			apiMethod: 'getPulls',
			times: 5,
			httpStatus: 200,
			contentType: 'application/json',
			body: JSON.stringify({ mos }),
		});
		const { items, error } = await getPulls({ returnAll: true });
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'getPulls')).toHaveLength(2);
		expect(items).toHaveLength(1000);
	});

	test('an XML answer gives the same items as a JSON one', async () => {
		const messages = ['A & B <ok>', 'Non'];
		await answeredCampaign(messages);
		const xml = await getPulls({ returnAll: true, options: { requestFormat: 'xml' } });
		// Same replies again, as JSON: new ones with the same content.
		const again = await answeredCampaign(messages);
		const json = await getPulls({ returnAll: true });
		expect(requestsTo(account.sandbox, 'getPulls')[0].answer.body).toMatch(
			/<getPulls>\s*<mos>\s*<mo>/,
		);
		const shape = (items: typeof xml.items) =>
			items.map(({ json: reply }) => ({
				...reply,
				id: typeof reply.id,
				campaignId: typeof reply.campaignId,
				receptionDate: typeof reply.receptionDate,
			}));
		expect(shape(xml.items)).toEqual(shape(json.items));
		expect(xml.items.map((item) => item.json.message)).toEqual(['Non', 'A & B <ok>']);
		expect(json.items[0].json.campaignId).toBe(again.sent.campaignId);
	});
});

describe('getPull', () => {
	test('XML and JSON answers give the same items, each with the cliMsgId', async () => {
		const { sent } = await answeredCampaign(['Oui', 'STOP']);
		const xml = await getPull(sent.campaignId, { requestFormat: 'xml' });
		const json = await getPull(sent.campaignId);
		expect(requestsTo(account.sandbox, 'getPull')[0].form.campId).toBe(sent.campaignId);
		expect(xml.items.map((item) => item.json)).toEqual(json.items.map((item) => item.json));
		expect(json.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				phoneNumber: '33611111111',
				message: 'Oui',
				cliMsgId: 'promo-7',
				id: expect.any(String),
			}),
			expect.objectContaining({ phoneNumber: '33622222222', message: 'STOP', cliMsgId: 'promo-7' }),
		]);
	});
});

describe('getPullBySmsId', () => {
	test("outputs the reply to one SMS (the latest), or fails with AllMySMS's text when there is none", async () => {
		const { sent } = await answeredCampaign(['Oui', 'Non', 'Finalement non']);
		const run = (smsId: string, requestFormat: 'json' | 'xml' = 'json') =>
			runAllMySmsNode({
				credentials: account.credentials,
				parameters: {
					resource: 'reply',
					operation: 'getPullBySmsId',
					smsId,
					options: { requestFormat },
				},
			});
		const json = await run(sent.smsIds[0].smsId);
		const xml = await run(sent.smsIds[0].smsId, 'xml');
		expect(json.items.map((item) => item.json)).toEqual([
			{
				phoneNumber: '33611111111',
				campaignId: sent.campaignId,
				message: 'Finalement non',
				receptionDate: '2025-06-02 12:03:00',
			},
		]);
		expect(xml.items[0].json).toEqual(json.items[0].json);
		expect(requestsTo(account.sandbox, 'getPullBySmsId')[1].answer.body).toMatch(
			/<getpullbysmsid>/,
		);

		const other = await sendCampaign(account, { numbers: ['0633333333'] });
		const { error } = await run(other.smsIds[0].smsId);
		expect(error?.message).toBe('AllMySMS: Aucune réponse pour ce SMS');
	});
});
