/**
 * The AllMySMS Trigger and Send and Wait for a Reply: a reply to a question (its campaign's
 * CLIMSGID names the waiting execution) goes to that execution's waiting webhook, signed; the
 * trigger's own workflow starts or not per "Replies to Questions". Ordinary replies, late
 * replies and replies whose campaign AllMySMS cannot look up start the workflow as always.
 */
import { isGenuineReply, waitMarker } from '../../nodes/AllMySms/shared/conversation/waitingLink';
import { sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { startTrigger } from '../helpers/trigger';
import type { TriggerHarness, WaitingCall } from '../helpers/trigger';

let account: TestAccount;
let trigger: TriggerHarness;
const SIGNATURE = 'c0ffee'.repeat(10) + 'abcd';

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await trigger?.close();
	await account.sandbox.close();
});

async function activeTrigger(
	options: Record<string, unknown> = {},
	waiting: (call: WaitingCall) => { status: number; body: unknown } = () => ({
		status: 200,
		body: { resumed: true },
	}),
) {
	trigger = await startTrigger({
		credentials: account.credentials,
		parameters: { events: ['mo'], options } as never,
		waiting,
	});
	expect(await trigger.activate()).toBe(true);
}

/** An SMS sent with this CLIMSGID (as a campaign of one); returns its smsId. */
function sent(cliMsgId?: string): string {
	const [campaign] = account.sandbox.state.seedCampaigns(account.login, 1, {
		message: 'Confirmez-vous ? OUI ou NON',
		phoneNumbers: ['33639980001'],
		cliMsgId,
	});
	return campaign.smsIds[0];
}

async function reply(smsId: string, message: string, date?: Date) {
	account.sandbox.state.addReply(smsId, message, date ? { date } : {});
	await account.sandbox.webhooks.settled();
	await trigger.settled();
}

const started = () => trigger.hits.filter((hit) => hit.items !== undefined);

test('a question’s reply goes to its execution’s waiting webhook, with n8n’s signature and a token only the API key makes; the workflow does not start', async () => {
	await activeTrigger();
	const smsId = sent(waitMarker({ executionId: '41', nodeId: 'node-1', signature: SIGNATURE }));
	await reply(smsId, 'oui');
	expect(trigger.waitingCalls).toHaveLength(1);
	const [call] = trigger.waitingCalls;
	expect(call.path).toBe('/webhook-waiting/41/node-1');
	expect(call.query).toEqual({ signature: SIGNATURE });
	expect(call.body).toMatchObject({ smsId, message: 'oui', phoneNumber: '33639980001' });
	const { token, ...forwarded } = call.body;
	const marker = { executionId: '41', nodeId: 'node-1' };
	expect(isGenuineReply(account.apiKey, marker, forwarded as never, token)).toBe(true);
	expect(isGenuineReply('another-key', marker, forwarded as never, token)).toBe(false);
	expect(started()).toEqual([]);
});

test('Resume and Start This Workflow: resumed, and the workflow starts with resumedExecutionId', async () => {
	await activeTrigger({ repliesToQuestions: 'resumeAndStart' });
	await reply(
		sent(waitMarker({ executionId: '41', nodeId: 'node-1', signature: SIGNATURE })),
		'oui',
	);
	expect(trigger.waitingCalls).toHaveLength(1);
	expect(started().map((hit) => hit.items?.[0].json)).toEqual([
		expect.objectContaining({ event: 'mo', message: 'oui', resumedExecutionId: '41' }),
	]);
});

test('Start This Workflow Only: nothing is forwarded, the reply starts the workflow', async () => {
	await activeTrigger({ repliesToQuestions: 'startOnly' });
	await reply(
		sent(waitMarker({ executionId: '41', nodeId: 'node-1', signature: SIGNATURE })),
		'oui',
	);
	expect(trigger.waitingCalls).toEqual([]);
	expect(started()).toHaveLength(1);
});

test('a reply the execution does not take (a second reply, the execution no longer waits) starts the workflow as an ordinary reply', async () => {
	await activeTrigger({}, () => ({
		status: 200,
		body: { resumed: false, reason: 'another reply decided' },
	}));
	await reply(
		sent(waitMarker({ executionId: '41', nodeId: 'node-1', signature: SIGNATURE })),
		'non',
	);
	expect(trigger.waitingCalls).toHaveLength(1);
	expect(started().map((hit) => hit.items?.[0].json)).toEqual([
		expect.not.objectContaining({ resumedExecutionId: expect.anything() }),
	]);
});

test('ordinary replies and replies after the question’s deadline are not forwarded', async () => {
	await activeTrigger();
	await reply(sent('order-1234'), 'merci');
	await reply(sent(), 'merci');
	const deadline = new Date('2026-01-01T10:00:00Z');
	await reply(
		sent(waitMarker({ executionId: '41', nodeId: 'node-1', deadline, signature: SIGNATURE })),
		'oui',
		new Date('2026-01-01T10:00:05Z'),
	);
	expect(trigger.waitingCalls).toEqual([]);
	expect(started()).toHaveLength(3);
});

test('the waiting webhook’s address comes from the option when n8n’s endpoint was renamed', async () => {
	await activeTrigger({ waitingWebhookUrl: `${'http://127.0.0.1'}:1/custom-wait/` });
	await reply(
		sent(waitMarker({ executionId: '41', nodeId: 'node-1', signature: SIGNATURE })),
		'oui',
	);
	// Port 1 answers nothing: the reply is not lost, it starts the workflow.
	expect(trigger.waitingCalls).toEqual([]);
	expect(started()).toHaveLength(1);
});
