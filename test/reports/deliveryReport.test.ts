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

const getAcks = (campaignId: string, options: INodeParameters = {}) =>
	runAllMySmsNode({
		credentials: account.credentials,
		parameters: { resource: 'deliveryReport', operation: 'getAcks', campaignId, options },
	});

describe('getAcks', () => {
	test('at send time every SMS is "transmitted" (3): one item per SMS, with the campaign\'s cliMsgId', async () => {
		const sent = await sendCampaign(account, {
			numbers: ['0611111111', '0622222222'],
			cliMsgId: 'order-42',
		});
		const { items, error } = await getAcks(sent.campaignId);
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'getAcks')[0].form).toEqual({
			login: account.login,
			apiKey: account.apiKey,
			returnformat: 'json',
			campId: sent.campaignId,
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				phoneNumber: '33611111111',
				status: 3,
				comment: 'Transmitted',
				receptionDate: '2025-06-02 12:00:00',
				cliMsgId: 'order-42',
			},
			{
				phoneNumber: '33622222222',
				status: 3,
				comment: 'Transmitted',
				receptionDate: '2025-06-02 12:00:00',
				cliMsgId: 'order-42',
			},
		]);
	});

	test("operators' reports replace it: the answer's statut comes out as a numeric status", async () => {
		const sent = await sendCampaign(account, { numbers: ['0611111111', '0622222222'] });
		account.clock.advance(90_000);
		account.sandbox.state.deliverAck(sent.smsIds[0].smsId, 1);
		account.sandbox.state.deliverAck(sent.smsIds[1].smsId, 5, { comment: 'Absent subscriber' });
		const { items } = await getAcks(sent.campaignId);
		expect(requestsTo(account.sandbox, 'getAcks')[0].answer.body).toContain('"statut":"1"');
		expect(items.map((item) => item.json)).toEqual([
			{
				phoneNumber: '33611111111',
				status: 1,
				comment: 'Delivered',
				receptionDate: '2025-06-02 12:01:30',
				cliMsgId: '',
			},
			{
				phoneNumber: '33622222222',
				status: 5,
				comment: 'Absent subscriber',
				receptionDate: '2025-06-02 12:01:30',
				cliMsgId: '',
			},
		]);
	});

	test('an XML answer gives the same items as a JSON one', async () => {
		const sent = await sendCampaign(account, {
			numbers: ['0611111111', '0622222222'],
			cliMsgId: '00123',
		});
		account.sandbox.state.deliverAck(sent.smsIds[0].smsId, 2);
		const xml = await getAcks(sent.campaignId, { requestFormat: 'xml' });
		const json = await getAcks(sent.campaignId);
		const [xmlRequest] = requestsTo(account.sandbox, 'getAcks');
		expect(xmlRequest.answer.body).toMatch(
			/<getAcks>\s*<acks>\s*<ack>\s*<phoneNumber>33611111111<\/phoneNumber>\s*<statut>2<\/statut>/,
		);
		expect(xml.items.map((item) => item.json)).toEqual(json.items.map((item) => item.json));
		expect(xml.items[0].json).toEqual(expect.objectContaining({ status: 2, cliMsgId: '00123' }));
	});

	test('a scheduled campaign has no report yet: no items', async () => {
		const sent = await sendCampaign(account, {
			numbers: ['0611111111'],
			date: '2025-06-05 10:00:00',
		});
		const { items, error } = await getAcks(sent.campaignId);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test("the Campaign Type option is sent as type; an unknown campaign fails with AllMySMS's text", async () => {
		const { error } = await getAcks('nosuchcampaign00', { type: 'vocal' });
		expect(requestsTo(account.sandbox, 'getAcks')[0].form.type).toBe('vocal');
		expect(error?.message).toBe("AllMySMS: La campagne n'a pas été trouvée");
	});
});

describe('getAckBySmsId', () => {
	test("outputs one SMS's report, status as a number", async () => {
		const sent = await sendCampaign(account, { numbers: ['0611111111', '0622222222'] });
		account.clock.advance(30_000);
		account.sandbox.state.deliverAck(sent.smsIds[1].smsId, 1);
		const run = (requestFormat: 'json' | 'xml') =>
			runAllMySmsNode({
				credentials: account.credentials,
				parameters: {
					resource: 'deliveryReport',
					operation: 'getAckBySmsId',
					smsId: sent.smsIds[1].smsId,
					options: { requestFormat },
				},
			});
		const json = await run('json');
		const xml = await run('xml');
		expect(requestsTo(account.sandbox, 'getAckBySmsId')[0].form.smsId).toBe(sent.smsIds[1].smsId);
		expect(json.items.map((item) => item.json)).toEqual([
			{
				phoneNumber: '33622222222',
				status: 1,
				comment: 'Delivered',
				receptionDate: '2025-06-02 12:00:30',
			},
		]);
		expect(xml.items[0].json).toEqual(json.items[0].json);
	});

	test('an SMS ID expression that gives nothing stops the node before any request', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ phone: '0611111111' }],
			parameters: {
				resource: 'deliveryReport',
				operation: 'getAckBySmsId',
				smsId: '={{ $json.smsId }}',
			},
		});
		expect(error?.message).toBe('Invalid "SMS ID" in item 0: it is empty');
		expect(requestsTo(account.sandbox, 'getAckBySmsId')).toHaveLength(0);
	});
});
