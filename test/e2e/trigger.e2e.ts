/**
 * Phase "trigger": the AllMySMS Trigger's life in a running n8n 2.x. Activation registers n8n's
 * production URL with configureWebhook (the sandbox checks it answers "OK"), a delivery report
 * and a reply pushed by the sandbox each start an execution with the right item, and
 * deactivation puts back the URL the account had before.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { nodeOutput, type N8nInstance } from '../../scripts/lib/n8n';
import { N8N_LATEST } from '../../scripts/lib/versions';
import type { Sandbox } from '../../sandbox';
import { triggerWorkflow, TRIGGER_NODE } from './support/triggerWorkflow';
import {
	api,
	control,
	demoSandbox,
	executionsOf,
	newInstance,
	packageProblems,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';

let sandbox: Sandbox;
let previous: Server;
let previousUrl: string;
let instance: N8nInstance;
let running: RunningMain;
const workflow = triggerWorkflow('e2eTriggerLife', ['dlr', 'mo']);

beforeAll(async () => {
	sandbox = await demoSandbox();
	// The account already has a delivery report URL (set in the AllMySMS manager, say).
	previous = createServer((_request, response) => response.end('OK'));
	await new Promise<void>((resolve) => previous.listen(0, '127.0.0.1', resolve));
	previousUrl = `http://127.0.0.1:${(previous.address() as AddressInfo).port}/crm/dlr`;
	expect(await api(sandbox, 'configureWebhook', { type: 'dlr', url: previousUrl })).toMatchObject({
		status: '1',
	});

	instance = await newInstance(N8N_LATEST, 'trigger');
	await instance.importCredentials([sandboxCredentialFor(sandbox)]);
	await instance.importWorkflows([workflow]);
	running = await timed('n8n start → ready, owner signed in', () => startMain(instance));
});

afterAll(async () => {
	await instance?.stopAll();
	await sandbox?.close();
	await new Promise((resolve) => previous?.close(resolve));
});

test('activation registers n8n’s production URL, which answers AllMySMS’s check with OK', async () => {
	sandbox.webhooks.calls.length = 0;
	await timed('activate the trigger workflow (REST)', () => running.rest.activate(workflow.id));

	const { webhooks } = (await control(sandbox, 'GET', '/accounts/demo')) as {
		webhooks: { dlr: string; mo: string };
	};
	const production = `${running.url}/webhook/`;
	expect(webhooks.dlr.startsWith(production) && webhooks.dlr.includes('event=dlr')).toBe(true);
	expect(webhooks.mo.startsWith(production) && webhooks.mo.includes('event=mo')).toBe(true);
	const checks = sandbox.webhooks.calls.filter((call) => call.kind === 'verification');
	expect(checks.map((call) => [call.url, call.httpStatus, call.body.trim(), call.ok])).toEqual([
		[webhooks.dlr, 200, 'OK', true],
		[webhooks.mo, 200, 'OK', true],
	]);
	expect(packageProblems(running.main.log())).toEqual([]);
});

test('a delivery report and a reply pushed by AllMySMS each start an execution with the event as its item', async () => {
	const sent = (await api(sandbox, 'sendSms', {
		smsData: JSON.stringify({
			DATA: {
				MESSAGE: 'Votre rendez-vous est confirmé. Répondez NON pour annuler.',
				SMS: [{ MOBILEPHONE: '0639980001' }],
			},
		}),
	})) as { campaignId: string; smsIds: Array<{ smsId: string }> };
	const { smsId } = sent.smsIds[0];

	await timed('DLR pushed → execution', async () => {
		await control(sandbox, 'POST', `/sms/${smsId}/ack`, { status: 1 });
		const [dlr] = await executionsOf(running.rest, workflow.id, 1);
		expect(nodeOutput(dlr, TRIGGER_NODE)).toEqual([
			expect.objectContaining({
				event: 'dlr',
				smsId,
				status: 1,
				statusText: expect.any(String),
				phoneNumber: '33639980001',
				campaignId: sent.campaignId,
				receptionDate: expect.any(String),
			}),
		]);
	});
	await timed('MO pushed → execution', async () => {
		await control(sandbox, 'POST', `/sms/${smsId}/replies`, { message: 'NON' });
		const [, mo] = await executionsOf(running.rest, workflow.id, 2);
		expect(nodeOutput(mo, TRIGGER_NODE)).toEqual([
			expect.objectContaining({
				event: 'mo',
				smsId,
				smsMoId: expect.any(String),
				message: 'NON',
				phoneNumber: '33639980001',
				campaignId: sent.campaignId,
			}),
		]);
	});
	await sandbox.webhooks.settled();
	expect(
		sandbox.webhooks.calls
			.filter((call) => call.kind !== 'verification')
			.map((call) => [call.kind, call.httpStatus, call.body.trim()]),
	).toEqual([
		['dlr', 200, 'OK'],
		['mo', 200, 'OK'],
	]);
});

test('deactivation puts back the delivery report URL the account had, and removes the reply URL it did not have', async () => {
	await timed('deactivate (REST)', () => running.rest.deactivate(workflow.id));
	const { webhooks } = (await control(sandbox, 'GET', '/accounts/demo')) as {
		webhooks: { dlr: string; mo: string };
	};
	expect(webhooks).toEqual({ dlr: previousUrl, mo: '' });
});
